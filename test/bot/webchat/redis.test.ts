/**
 * Two bot instances sharing Redis, each with its web chat on its own port: a browser starts /new
 * on the first, the second instance shows the same conversation (the transcript is in Redis) and
 * the form goes on there to the summary — sessions, accounts, forms and transcripts all shared.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createStorage } from '../../../bot/storage/index.ts';
import { launchChromium } from '../../../scripts/bench/lib/chromium.ts';
import { blackListAnswers, testCode } from '../support/fixtures.ts';
import { fillPage, lastBot, settled, shot, type } from './page-support.ts';
import { webHarness } from './support.ts';

const redisUrl = inject('redisUrl');

describe.skipIf(!redisUrl)('two instances sharing Redis', { timeout: 120_000 }, () => {
  let browser: Browser;
  const storages = [1, 2].map(() => createStorage({ kind: 'redis', url: redisUrl }, 3600_000));
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of storages) await s.close();
  });

  test('a form started in the web chat of one instance goes on in the other', async () => {
    const a = webHarness({ storage: storages[0]! });
    const b = webHarness({ root: a.root, storage: storages[1]! });
    const [originA, originB] = [await a.serve(), await b.serve()];
    // Cookies do not depend on the port: one browser, two instances on 127.0.0.1.
    const page = await (
      await browser.newContext({ viewport: { width: 375, height: 812 } })
    ).newPage();
    const invite = await a.web.accounts.invite('labour-inspection', 3600_000);
    await page.goto(`${originA}/chat/#invite=${invite}`);
    await expect.poll(() => page.locator('#who').textContent()).toContain('劳动保障监察支队');
    await page.getByRole('button', { name: '报送新条目' }).click();
    await settled(page);
    await page.getByRole('button', { name: '失信黑名单' }).click();
    await settled(page);
    await shot(page, 'redis-instance-a');
    expect(await lastBot(page)).toMatch(/^\(2\/\d+\) 主体类型/);

    await page.goto(`${originB}/chat/`);
    await expect.poll(() => lastBot(page)).toMatch(/^\(2\/\d+\) 主体类型/);
    await expect.poll(() => page.locator('#who').textContent()).toContain('劳动保障监察支队');
    await fillPage(page, blackListAnswers(testCode(7401)));
    await shot(page, 'redis-instance-b-summary');
    await type(page, '/cancel');
  });
});
