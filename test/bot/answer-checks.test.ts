/**
 * How the bot reports a wrong answer (issue 9 §5): the most meaningful reason wins (an unmasked
 * name is reported as such, with the law that requires it, not as "too long"), and a credit code
 * with a wrong check character gets hints that are right for a slip at any position.
 */
import { describe, expect, test } from 'vitest';
import { checkUscc, completeUscc, USCC_ALPHABET } from '../../content/schema/index.ts';
import { newRecordSteps } from '../../bot/record/new-steps.ts';
import type { FormEnv, Step } from '../../bot/form/step.ts';
import { createI18n, translator } from '../../bot/i18n.ts';
import { ContentRepository } from '../../bot/record/repository.ts';
import { SAMPLE_ROOT } from '../fixtures/roots.ts';
import { harness, SUBMITTER } from './support/harness.ts';
import { testCode } from './support/fixtures.ts';

const TODAY = '2026-11-20';
const MASKED =
  /^⚠️ 个人姓名未脱敏：依照《个人信息保护法》，公示时只保留姓氏，不公布全名\n.*如“张某某”/;

describe('the most meaningful reason wins', () => {
  test('"Zhang Wei" as a person published with the entry, and as an individual subject: not masked, why, and how', async () => {
    const h = harness({ today: TODAY });
    await h.act(
      SUBMITTER,
      '/new',
      { press: '失信黑名单' },
      { press: '企业' },
      '示例市某某建筑劳务有限公司（示例）',
      testCode(50),
      { press: '跳过' },
      { press: '法定代表人' },
      'Zhang Wei',
    );
    expect(h.last()).toMatch(MASKED);
    expect(h.last()).not.toContain('太长');
    await h.act(
      SUBMITTER,
      '/cancel',
      '/new',
      { press: '守信红榜' },
      { press: '个人' },
      'Zhang Wei',
    );
    expect(h.last()).toMatch(MASKED);
    expect(h.last()).not.toContain('太长');
    // A masked name passes.
    await h.act(SUBMITTER, '张某某');
    expect(h.last()).toContain('身份证号码（已脱敏）');
  });

  test('every typed field of /new: personal data in a too-long answer is reported as such, not as its length', () => {
    const repo = new ContentRepository(SAMPLE_ROOT, 0);
    const i18n = createI18n();
    const env: FormEnv<any> = {
      lang: 'zh',
      t: translator(i18n, 'zh-CN'),
      today: TODAY,
      data: {
        publisher: repo.publisher,
        categories: repo.categories,
        unit: repo.publisher.units[0]!,
      },
    };
    const flat = (steps: Step<any>[]): Step<any>[] =>
      steps.flatMap((s) => (s.input === 'repeat' ? flat(s.item) : [s]));
    const phone = '联系电话 13912345678';
    let checked = 0;
    for (const step of flat(newRecordSteps())) {
      if (step.input !== 'text') continue;
      const short = step.check(`示例${phone}`, {}, env);
      // Only the fields whose schema refuses personal data (free text) are in this class.
      if (short.ok || !short.what.includes('个人信息')) continue;
      const long = step.check(`${'示例文字'.repeat(1500)}${phone}`, {}, env);
      // The same reason as for the short answer (personal data, or for a person's name that it is not masked): never its length.
      expect(long.ok, step.key).toBe(false);
      expect(!long.ok && long.what, step.key).toBe(short.what);
      expect(!long.ok && long.what, step.key).not.toMatch(/太长|太短/);
      checked++;
    }
    expect(checked).toBeGreaterThan(8);
  });
});

describe('credit-code hints at every position', () => {
  // Every position has a character that is easily confused with another one allowed there
  // (positions 3–8 are digits): 1↔L, 3↔8, 5↔6, 0↔8, B↔8, G↔6, M↔N, D↔0, Q↔0.
  const good = completeUscc('11310586BGLMNDQ08');
  const CONFUSED: [string, string][] = [
    ['1', 'L'],
    ['1', '7'],
    ['3', '8'],
    ['5', '6'],
    ['0', '8'],
    ['B', '8'],
    ['G', '6'],
    ['M', 'N'],
    ['D', '0'],
    ['Q', '0'],
    ['U', 'W'],
  ];
  const allowed = (i: number, c: string) =>
    i >= 2 && i < 8 ? /\d/.test(c) : USCC_ALPHABET.includes(c);
  const layout = (c: string) => `${c.slice(0, 2)} ${c.slice(2, 8)} ${c.slice(8, 17)} ${c[17]}`;
  const at = (c: string, i: number, ch: string) => c.slice(0, i) + ch + c.slice(i + 1);

  async function codeQuestion() {
    const h = harness({ today: TODAY });
    await h.act(
      SUBMITTER,
      '/new',
      { press: '失信黑名单' },
      { press: '企业' },
      '示例市某某建筑劳务有限公司（示例）',
    );
    expect(h.last()).toContain('统一社会信用代码');
    return async (code: string) => {
      await h.act(SUBMITTER, code);
      return h.last();
    };
  }

  /** Every correction the reply proposes, as codes. */
  const proposed = (reply: string) =>
    [...reply.matchAll(/应为 (\w{2} \d{6} \w{9} \w)/g)].map((m) => m[1]!.replace(/ /g, ''));

  test('a look-alike character at any of positions 1–17 is named with the right code; every proposal is a valid code', async () => {
    expect(checkUscc(good).ok).toBe(true);
    const answer = await codeQuestion();
    for (let i = 0; i < 17; i++) {
      const pairs = CONFUSED.flatMap(([a, b]) =>
        good[i] === a ? [b] : good[i] === b ? [a] : [],
      ).filter((c) => allowed(i, c));
      expect(pairs.length, `position ${i + 1} has a look-alike`).toBeGreaterThan(0);
      for (const typo of pairs.map((c) => at(good, i, c))) {
        if (checkUscc(typo).ok) continue; // a look-alike that happens to keep the checksum is not a typo the bot can see
        const reply = await answer(typo);
        expect(reply, `position ${i + 1}`).toContain(`第 ${i + 1} 位录错？应为 ${layout(good)}`);
        for (const code of proposed(reply)) expect(checkUscc(code).ok, code).toBe(true);
      }
    }
  });

  test('two neighbours swapped at any position, the check character included, are named with the right code', async () => {
    const answer = await codeQuestion();
    for (let i = 0; i < 17; i++) {
      if (good[i] === good[i + 1] || !allowed(i, good[i + 1]!) || !allowed(i + 1, good[i]!))
        continue;
      const typo = good.slice(0, i) + good[i + 1] + good[i] + good.slice(i + 2);
      if (checkUscc(typo).ok) continue;
      expect(await answer(typo), `positions ${i + 1}, ${i + 2}`).toContain(
        `第 ${i + 1}、${i + 2} 位前后颠倒？应为 ${layout(good)}`,
      );
    }
  });

  test('any other slip at any position: no hint points at the check character alone, and the advice agrees with it', async () => {
    const answer = await codeQuestion();
    for (let i = 0; i < 17; i++) {
      for (const ch of i >= 2 && i < 8 ? '2479' : 'KRTX') {
        const typo = at(good, i, ch);
        if (typo === good || checkUscc(typo).ok) continue;
        const reply = await answer(typo);
        expect(reply).toMatch(/^⚠️ 校验位不符/);
        expect(reply).not.toContain('第 18 位录错');
        expect(reply).toContain(
          `只有在前 17 位逐一核对无误时，才是第 18 位（校验码）有误：按前 17 位，它应为 ${completeUscc(typo.slice(0, 17))[17]}`,
        );
        expect(reply).toContain('不要只改最后一位');
        for (const code of proposed(reply)) expect(checkUscc(code).ok, code).toBe(true);
        expect(reply).toContain('请重新回答：统一社会信用代码');
      }
    }
  });
});
