/**
 * Random inputs through the web channel (in process, not the browser): text of every kind,
 * commands, presses of current, stale and forged buttons, files of random bytes, across the steps
 * of /new and /objection, with right answers mixed in so the walk reaches the later steps
 * (HONGHEI_WEBCHAT_FUZZ sets the count; 10,000 take about 100 s here). Nothing may crash: no
 * update fails in the bot's error boundary, every input is answered by the channel. Also
 * measures (reported, not asserted) the median round trip of one answer in process.
 */
import { describe, expect, test } from 'vitest';
import { questionTitle, type Answer } from '../support/drive.ts';
import { blackListAnswers, PDF, testCode } from '../support/fixtures.ts';
import { webHarness, type WebPerson } from './support.ts';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTS = [
  '',
  ' ',
  '示例',
  '91000000MA0000000X',
  '2026-11-20',
  '2026-02-30',
  '<script>alert(1)</script>',
  '&amp;&#x3c;',
  '\u202e反转\u200b',
  '😀'.repeat(50),
  'a'.repeat(5000),
  '/new',
  '/objection',
  '/cancel',
  '/status',
  '/help',
  '/start objection-2024q1-black-002',
  '/start objection-../../etc',
  '/start',
  '/unknown',
  '跳过',
  '0',
  '-1',
  '1e309',
];

/** Right answers by question title, so the random walk also reaches the forms' later steps. */
const GOOD: Record<string, Answer> = {
  ...blackListAnswers(testCode(7501)),
  '哪一条记录？': '2024q1-black-002',
  异议事由: '该公司已足额支付全部工资，公示所列事实与实际不符，请核查。（示例数据）',
  证据材料: { skip: true },
};

async function step(p: WebPerson, next: () => number, n: number): Promise<string> {
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const good = GOOD[questionTitle((await p.last()).text) ?? ''];
  if (good && !Array.isArray(good) && next() < 0.4) {
    try {
      if (typeof good === 'string') await p.say(good);
      else if ('press' in good) await p.press(good.press);
      else if ('skip' in good) await p.press(/跳过|完成/);
      return 'right answer';
    } catch {
      // The button is not there (a refusal replaced the question): go on at random.
    }
  }
  const roll = next();
  if (roll < 0.35) {
    const text =
      next() < 0.7
        ? pick(TEXTS)
        : Array.from({ length: Math.floor(next() * 60) }, () =>
            String.fromCodePoint(Math.floor(next() * 0x3000) + 32),
          ).join('');
    await p.say(text || '·');
    return 'text';
  }
  if (roll < 0.75) {
    const events = (await p.recent()).filter((e) => e.kind === 'bot');
    const m = next() < 0.8 ? events.at(-1) : pick(events.length ? events : [undefined]);
    const buttons = m && m.kind === 'bot' ? m.buttons.flat() : [];
    if (buttons.length) {
      await p.channel.handle(p.session, {
        type: 'button',
        messageId: m!.seq,
        data: pick(buttons).data,
      });
      return 'button';
    }
  }
  if (roll < 0.85) {
    await p.channel.handle(p.session, {
      type: 'button',
      messageId: Math.floor(next() * 1000) - 10,
      data: pick(['cancel', 'f000.1.v0', 'x'.repeat(64), '', 'fzz.9.c']),
    });
    return 'forged';
  }
  const bytes =
    next() < 0.5 ? PDF : Uint8Array.from({ length: Math.floor(next() * 3000) }, () => next() * 256);
  await p.upload(
    `f${n}.${pick(['pdf', 'jpg', 'exe', ''])}`,
    pick(['application/pdf', 'image/jpeg', '']),
    bytes,
  );
  return 'file';
}

describe('fuzz', () => {
  const COUNT = Number(process.env.HONGHEI_WEBCHAT_FUZZ ?? 10_000);
  test(`${COUNT} random inputs across the forms crash nothing`, { timeout: 1_200_000 }, async () => {
    const h = webHarness();
    const invite = await h.web.accounts.invite('labour-inspection', 3600_000);
    const people = [await h.person(invite), await h.person()];
    await people[0]!.refresh();
    const next = random(20261203);
    const times: number[] = [];
    const kinds: Record<string, number> = {};
    for (let i = 0; i < COUNT; i++) {
      const p = people[i % 2]!;
      // Every so often, start a form again so the inputs reach its later steps too.
      if (i % 40 === 0) await p.say(i % 80 === 0 && p === people[0] ? '/new' : '/objection');
      const started = performance.now();
      const kind = await step(p, next, i);
      times.push(performance.now() - started);
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    const failures = h.log.lines.filter((l) => /^update \d+ failed/.test(l));
    expect(failures).toEqual([]);
    times.sort((a, b) => a - b);
    console.log(
      `web chat fuzz: ${COUNT} inputs ${JSON.stringify(kinds)}; in-process round trip median ${times[times.length >> 1]!.toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(1)} ms`,
    );
  });
});

describe('measure', () => {
  test('median in-process round trip of one answer of a whole /new (reported)', async () => {
    const { blackListAnswers, testCode } = await import('../support/fixtures.ts');
    const h = webHarness();
    const invite = await h.web.accounts.invite('labour-inspection', 3600_000);
    const p = await h.person(invite);
    await p.refresh();
    const times: number[] = [];
    const handle = h.channel.handle.bind(h.channel);
    h.channel.handle = async (session, input) => {
      const started = performance.now();
      await handle(session, input);
      times.push(performance.now() - started);
    };
    await p.say('/new');
    await p.fill(blackListAnswers(testCode(7301)));
    times.sort((a, b) => a - b);
    expect(times.length).toBeGreaterThan(15);
    console.log(
      `web chat /new: ${times.length} answers, in-process round trip median ${times[times.length >> 1]!.toFixed(1)} ms`,
    );
  });
});
