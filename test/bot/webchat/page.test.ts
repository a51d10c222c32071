/**
 * The web chat page in Chromium: a submitter invited by link files a whole /new that becomes
 * exactly one branch of a real git repository; a member of the public follows an entry page's
 * "对此条目提出异议" link and files an objection recorded for that entry; hostile text stays text;
 * a lost connection keeps the typed answer; the page passes axe. Screenshots of each step at
 * 375 px and at desktop width go to test-results/webchat/.
 */
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createSubmissionSink } from '../../../bot/forge/index.ts';
import { launchChromium } from '../../../scripts/bench/lib/chromium.ts';
import { startStaticServer, type StaticServer } from '../../../scripts/bench/lib/static-server.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { makeContentRepo, sh, tempDir } from '../forge/fixtures.ts';
import { contentCopy } from '../support/harness.ts';
import { blackListAnswers, testCode } from '../support/fixtures.ts';
import type { MemorySink } from '../support/memory-sink.ts';
import { fillPage, lastBot, press, settled, shot, type } from './page-support.ts';
import { webHarness } from './support.ts';

const WIDTHS = {
  mobile: { width: 375, height: 812 },
  desktop: { width: 1280, height: 900 },
} as const;

let browser: Browser;
let site: StaticServer;
const t = tempDir('honghei-webchat-');
beforeAll(async () => {
  browser = await launchChromium();
  site = await startStaticServer(inject('siteDir'));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  t.remove();
});

const context = (width: keyof typeof WIDTHS) =>
  browser.newContext({
    viewport: WIDTHS[width],
    locale: 'zh-CN',
    ...(width === 'mobile' ? { isMobile: true, hasTouch: true } : {}),
  });

describe('web chat page', { timeout: 120_000 }, () => {
  test('an invited submitter files /new in the browser: exactly one branch in the git repository', async () => {
    const repo = makeContentRepo(t.dir);
    const sink = createSubmissionSink({
      forge: { kind: 'local', repo },
      outbox: { kind: 'file', dir: join(t.dir, 'outbox') },
      notify: async () => undefined,
      pollIntervalMs: 0,
      retryIntervalMs: 0,
    });
    const h = webHarness({ root: repo, sink, today: '2026-11-20' });
    const origin = await h.serve();
    const invite = await h.web.accounts.invite('labour-inspection', 3600_000);
    const page = await (await context('desktop')).newPage();
    await page.goto(`${origin}/chat/#invite=${invite}`);
    await expect.poll(() => page.locator('#who').textContent()).toContain('劳动保障监察支队');
    expect(page.url()).not.toContain(invite);
    await page.getByRole('button', { name: '报送新条目' }).click();
    await settled(page);
    await fillPage(page, blackListAnswers(testCode(7201)), 'new');
    await shot(page, 'new-summary');
    await press(page, '确认提交');
    await shot(page, 'new-submitted');
    expect(await lastBot(page)).toMatch(/2026q4-black-/);
    await sink.reconcile();
    await sink.close();
    const branches = sh(repo, 'branch', '--list', 'submission/*').trim().split('\n');
    expect(branches).toHaveLength(1);
  });

  test('an objection from an entry page link, on a phone, is recorded for that entry', async () => {
    const today = inject('siteDate');
    const h = webHarness({ today });
    const origin = await h.serve();
    const entry = h.repo
      .records()
      .find(
        (r) => r.record.list === 'black' && h.repo.findPublic(r.record.id, today).length === 1,
      )!;
    const page = await (await context('mobile')).newPage();
    await page.goto(`${site.url}/records/${entry.record.id}/`);
    const link = page.getByRole('link', { name: '对此条目提出异议' });
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe(`https://bot.example.org/chat/?start=objection-${entry.record.id}`);
    expect(await page.getByRole('link', { name: '申请信用修复' }).count()).toBe(1);
    // The sample's chat address is bot.example.org: the same link, on this test's server.
    await page.goto(href.replace('https://bot.example.org', origin));
    await expect.poll(() => lastBot(page)).toMatch(/^\(\d+\/\d+\)/);
    expect(page.url()).not.toContain('start=');
    await shot(page, 'objection-01');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
    expect(await page.locator('#step-text').textContent()).toMatch(/第 \d+ 步，共 \d+ 步/);
    // Hostile text is shown as text.
    const hostile =
      '<img src=x onerror="document.title=\'pwned\'"><b>该公司已足额支付工资，公示事实有误。（示例数据）</b>';
    await type(page, hostile);
    expect(await page.locator('.chat-user .chat-text').last().textContent()).toBe(hostile);
    expect(await page.locator('#log img, #log b').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    // The form refuses markup in the grounds, with the reason, and asks again.
    expect(await lastBot(page)).toMatch(/^⚠️ .*HTML/);
    await shot(page, 'objection-02');
    await type(page, '该公司已足额支付全部工资，公示所列事实与实际不符，请核查。（示例数据）');
    await shot(page, 'objection-03');
    await press(page, /跳过|完成/);
    await shot(page, 'objection-summary');
    await press(page, '确认提交');
    await shot(page, 'objection-received');
    expect(await lastBot(page)).toContain('异议已收到');
    const s = (h.sink as MemorySink).submissions[0]!;
    expect(s).toMatchObject({ kind: 'objection', recordId: entry.record.id });
  });

  test('a lost connection keeps the typed answer and retries; a too big file is refused with the reason', async () => {
    const h = webHarness({ config: { maxFileBytes: 4096 } });
    const origin = await h.serve();
    const page = await (await context('mobile')).newPage();
    await page.goto(`${origin}/chat/`);
    await page.getByRole('button', { name: '提出异议' }).click();
    await settled(page);
    await page.route('**/chat/api/send', (route) => route.abort('internetdisconnected'));
    await page.locator('#text').fill('91000000MA0000000X');
    await page.locator('#text').press('Enter');
    await expect.poll(() => page.locator('#offline').isVisible()).toBe(true);
    await shot(page, 'offline');
    expect(await page.locator('#text').inputValue()).toBe('91000000MA0000000X');
    await page.unroute('**/chat/api/send');
    await expect.poll(() => page.locator('#text').inputValue()).toBe('');
    await expect.poll(() => page.locator('#offline').isVisible()).toBe(false);
    await settled(page);
    await page.locator('#file').setInputFiles({
      name: '很大的证据.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(8192),
    });
    await expect.poll(() => page.locator('#error').textContent()).toContain('文件过大');
    await shot(page, 'file-too-big');
    const fresh = await (await context('mobile')).newPage();
    await fresh.goto(`${origin}/chat/`);
    await expect.poll(() => fresh.locator('#who').textContent()).toBeTruthy();
    await shot(fresh, 'start');
  });

  test('where the site has English, the page and the bot speak English', async () => {
    const root = contentCopy();
    const file = join(root, 'content/publisher.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/^languages: .*$/m, 'languages: [zh, en]'),
    );
    const h = webHarness({ root });
    const origin = await h.serve();
    const page = await (await context('mobile')).newPage();
    await page.goto(`${origin}/chat/?lang=en`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Online services');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('button', { name: 'Object to an entry' }).click();
    await settled(page);
    expect(await lastBot(page)).toMatch(/^\(1\/\d+\) [A-Za-z]/);
    expect(await page.locator('#step-text').textContent()).toMatch(/^Step 1 of \d+/);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
    await shot(page, 'english');
    // Where the site is Chinese only, ?lang=en keeps the page Chinese.
    const zhOnly = webHarness();
    const zhOrigin = await zhOnly.serve();
    const zh = await (await context('mobile')).newPage();
    await zh.goto(`${zhOrigin}/chat/?lang=en`);
    await expect.poll(() => zh.locator('#who').textContent()).toBeTruthy();
    expect(await zh.locator('h1').textContent()).toBe('在线办理');
  });
});
