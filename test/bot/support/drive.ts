/**
 * Answering a form the way a person does: read the bot's latest question, find what to answer
 * for it, send that. Answers are keyed by the question's title (as the user sees it), so a test
 * does not depend on the order of the questions, only on their names.
 */
import type { Update, User } from 'grammy/types';
import { expect } from 'vitest';
import type { harness } from './harness.ts';

type Harness = ReturnType<typeof harness>;

/** What to do for a question: type text, press a button, send files then Done, or skip. */
export type Answer =
  | string
  | { press: string | RegExp }
  | { files: (h: Harness, user: User) => Update[] }
  | { skip: true }
  /** Several answers to the same question, in turn (a list asked again after each item). */
  | Answer[];

/** The title of a question message: the text after "(n/m) " on its first line. */
export function questionTitle(text: string): string | undefined {
  return /^\([\d/]+\)\s*(?:\d+\.\s*)?(.+?)(?:（选填）|\(optional\))?$/m
    .exec(text.split('\n')[0] ?? '')?.[1]
    ?.trim();
}

/** True when the latest message is the summary. */
export const atSummary = (text: string) => /请核对以下内容|Please check:/.test(text);

/**
 * Answers questions until the summary shows; throws on a question the test did not expect, with
 * the bot's text. Returns the titles asked, in order.
 */
export async function fillForm(
  h: Harness,
  user: User,
  answers: Record<string, Answer>,
  maxSteps = 80,
  before?: (title: string, question: string) => Promise<void>,
): Promise<string[]> {
  const asked: string[] = [];
  const turns = new Map<string, number>();
  for (let i = 0; i < maxSteps; i++) {
    const text = h.last(user);
    if (atSummary(text)) return asked;
    const title = questionTitle(text);
    if (!title) throw new Error(`the bot's last message is not a question:\n${text}`);
    let answer = answers[title];
    if (Array.isArray(answer)) {
      const turn = turns.get(title) ?? 0;
      turns.set(title, turn + 1);
      answer = answer[turn];
    }
    if (answer === undefined) throw new Error(`no answer for question "${title}":\n${text}`);
    asked.push(title);
    await before?.(title, text);
    const sentBefore = h.tg.sent.length;
    if (typeof answer === 'string') await h.send(h.tg.text(user, answer));
    else if (Array.isArray(answer)) throw new Error('nested answer lists are not supported');
    else if ('press' in answer) await h.send(h.tg.press(user, answer.press));
    else if ('skip' in answer) await h.send(h.tg.press(user, /跳过|Skip|完成|Done/));
    else {
      await h.send(...answer.files(h, user));
      await h.send(h.tg.press(user, /完成|Done/));
    }
    const reply = h.tg
      .since(sentBefore, user.id)
      .map((m) => m.text)
      .filter((t) => !atSummary(t))
      .join('\n');
    expect(reply, `answer to "${title}" was refused`).not.toMatch(/^⚠️/m);
  }
  throw new Error(`no summary after ${maxSteps} answers; last message:\n${h.last(user)}`);
}
