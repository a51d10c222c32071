/**
 * Driving the chat page in Chromium as a person does: read the latest bot message, type or press,
 * and wait until the page has shown everything the server answered (the page records the
 * transcript position each answer reached in data-awaiting and the one it showed in data-seen).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../../fixtures/roots.ts';
import { atSummary, questionTitle, type Answer } from '../support/drive.ts';

/** Screenshots of the web chat's steps. */
export const SHOTS = join(PROJECT_ROOT, 'test-results/webchat');

/** Saves what the person sees at 375 px and at desktop width: test-results/webchat/<name>-{375,desktop}.png. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const size = page.viewportSize();
  for (const [label, viewport] of [
    ['375', { width: 375, height: 812 }],
    ['desktop', { width: 1280, height: 900 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await page.screenshot({ path: join(SHOTS, `${name}-${label}.png`) });
  }
  if (size) await page.setViewportSize(size);
}

/** Waits until the page shows all the server said after the last action. */
export async function settled(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          Number(document.body.dataset.seen ?? 0) >= Number(document.body.dataset.awaiting ?? 0),
      ),
    )
    .toBe(true);
}

/** The latest bot message's text. */
export async function lastBot(page: Page): Promise<string> {
  return (await page.locator('.chat-bot .chat-text').last().textContent()) ?? '';
}

/** Types an answer and sends it with Enter. */
export async function type(page: Page, text: string): Promise<void> {
  await page.locator('#text').fill(text);
  await page.locator('#text').press('Enter');
  await expect.poll(() => page.locator('#text').inputValue()).toBe('');
  await settled(page);
}

/** Presses a button of the latest bot message. */
export async function press(page: Page, label: string | RegExp): Promise<void> {
  await page
    .locator('.chat-buttons:not([hidden])')
    .last()
    .getByRole('button', { name: label })
    .first()
    .click();
  await expect.poll(() => page.locator('#send').isDisabled()).toBe(false);
  await settled(page);
}

/** Answers the form's questions by title until the summary; a screenshot per step when `shots` names them. */
export async function fillPage(
  page: Page,
  answers: Record<string, Answer>,
  shots?: string,
): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const text = await lastBot(page);
    if (atSummary(text)) return;
    const title = questionTitle(text);
    if (!title) throw new Error(`the last bot message is not a question:\n${text}`);
    const answer = answers[title];
    if (answer === undefined) throw new Error(`no answer for "${title}":\n${text}`);
    if (shots) await shot(page, `${shots}-${String(i + 1).padStart(2, '0')}`);
    if (typeof answer === 'string') await type(page, answer);
    else if ('press' in answer) await press(page, answer.press);
    else if ('skip' in answer) await press(page, /跳过|完成/);
    else throw new Error(`answer kind not supported in the page driver: ${title}`);
  }
  throw new Error('no summary after 60 answers');
}
