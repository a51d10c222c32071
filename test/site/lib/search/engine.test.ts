/**
 * The exact-match engine over an index built in memory from synthetic entries, against answers
 * computed by brute force: names by substring, codes by prefix, filters by value.
 */
import { describe, expect, it } from 'vitest';
import { completeUscc, USCC_ALPHABET } from '../../../../content/schema/index.ts';
import { buildSearchIndex } from '../../../../site/lib/search/build-index.ts';
import { SearchEngine } from '../../../../site/lib/search/engine.ts';
import {
  CODES_PER_BLOCK,
  FILTER_KEYS,
  type SourceEntry,
  type SourceHeader,
} from '../../../../site/lib/search/format.ts';
import { normalize } from '../../../../site/lib/search/text.ts';
import { seededRandom } from '../../../../content/schema/random.ts';

const random = seededRandom(42);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
const SYLLABLES = '华盛泰丰隆鑫源达恒瑞祥宏远兴旺昌荣富安宁康明星海天佳美鼎新金'.split('');
const code17 = () =>
  `91000000${Array.from({ length: 9 }, () => pick(USCC_ALPHABET.split(''))).join('')}`;

function entry(i: number, name: string, code: string | undefined): SourceEntry {
  const list = pick(['red', 'black', 'demo']);
  return {
    id: `e-${i}`,
    url: `/records/e-${i}/`,
    name,
    code,
    date: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}`,
    batch: '2026-Q1',
    sample: true,
    filters: {
      list: [list],
      category: [`${list}.c${i % 3}`],
      region: [pick(['210202', '210203']), '210200'],
      year: ['2026'],
      kind: [code ? 'enterprise' : 'individual'],
      status: ['listed'],
    },
    text: name,
  };
}

// More than one code block, with the same code twice straddling a block boundary (one code can
// be on two lists at once), a person without a code, and names with full-width brackets.
const entries: SourceEntry[] = [];
for (let i = 0; i < CODES_PER_BLOCK * 3; i++) {
  const name = `${pick(['大连', '沈阳'])}${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(['机械', '劳务', '物流'])}有限公司（示例）`;
  entries.push(entry(i, name, completeUscc(code17())));
}
const twin = [...entries].map((e) => e.code!).sort()[CODES_PER_BLOCK - 1]!;
entries.push(entry(9001, '双重列入机械有限公司', twin), entry(9002, '张某某', undefined));
const header: SourceHeader = {
  date: '2026-11-21',
  labels: Object.fromEntries(FILTER_KEYS.map((k) => [k, {}])) as SourceHeader['labels'],
};
const files = buildSearchIndex(header, entries);
const encoder = new TextEncoder();
const open = () =>
  SearchEngine.open(async (path) => {
    const data = files.get(path.split('?')[0]!);
    if (data === undefined) throw new Error(`no file ${path}`);
    return typeof data === 'string' ? encoder.encode(data) : data;
  });

async function ids(
  engine: SearchEngine,
  q: string,
  filters?: Record<string, string[]>,
): Promise<string[]> {
  return (await engine.docs(await engine.search({ q, filters }))).map((d) => d.id).sort();
}
const brute = (q: string) =>
  entries
    .filter(
      (e) =>
        normalize(e.name).includes(normalize(q)) || (!!e.code && e.code.startsWith(normalize(q))),
    )
    .map((e) => e.id)
    .sort();

describe('exact-match engine', () => {
  it('finds every entry whose name has a 1–4 character fragment, and nothing else', async () => {
    const engine = await open();
    for (const q of ['机械', '华盛', '宁康', '连', '有限公司', '(示例', '（示例）', '张某'])
      expect(await ids(engine, q), q).toEqual(brute(q));
  });

  it('finds long fragments and whole names after checking the names', async () => {
    const engine = await open();
    for (const e of entries.slice(0, 40))
      expect(await ids(engine, e.name), e.name).toEqual(brute(e.name));
    expect(await ids(engine, '机械有限公司（示例）')).toEqual(brute('机械有限公司（示例）'));
  });

  it('finds codes whole and by prefix, across block boundaries, lower case too', async () => {
    const engine = await open();
    expect(await ids(engine, twin)).toEqual(brute(twin));
    expect(brute(twin).length).toBeGreaterThanOrEqual(2);
    for (const n of [2, 6, 8, 9, 12, 17])
      expect(await ids(engine, twin.slice(0, n)), String(n)).toEqual(brute(twin.slice(0, n)));
    expect(await ids(engine, twin.toLowerCase())).toEqual(brute(twin));
    expect(await ids(engine, '91000000ZZZZ')).toEqual([]);
  });

  it('combines terms with AND, filter values with OR, and filters with AND', async () => {
    const engine = await open();
    const both = entries
      .filter((e) => e.name.includes('大连') && e.name.includes('物流'))
      .map((e) => e.id)
      .sort();
    expect(await ids(engine, '大连 物流')).toEqual(both);
    const black = entries
      .filter((e) => e.filters.list[0] === 'black')
      .map((e) => e.id)
      .sort();
    expect(await ids(engine, '', { list: ['black'] })).toEqual(black);
    const redOrDemo = entries
      .filter((e) => e.filters.list[0] !== 'black')
      .map((e) => e.id)
      .sort();
    expect(await ids(engine, '', { list: ['red', 'demo'] })).toEqual(redOrDemo);
    const mixed = entries
      .filter(
        (e) =>
          e.filters.list[0] === 'black' &&
          e.filters.region.includes('210203') &&
          e.name.includes('机械'),
      )
      .map((e) => e.id)
      .sort();
    expect(await ids(engine, '机械', { list: ['black'], region: ['210203'] })).toEqual(mixed);
    expect(await ids(engine, '', { region: ['210200'] })).toHaveLength(entries.length);
    expect(await ids(engine, '', { list: ['no-such-list'] })).toEqual([]);
  });

  it('returns results newest first: ordinals follow the order of the entries', async () => {
    const engine = await open();
    const found = Array.from(await engine.search({ q: '机械' }));
    expect(found).toEqual([...found].sort((a, b) => a - b));
    expect((await engine.docs(found.slice(0, 1)))[0]!.id).toBe(
      entries.find((e) => e.name.includes('机械'))!.id,
    );
  });

  it('an empty query returns every entry', async () => {
    expect((await (await open()).search({})).length).toBe(entries.length);
  });
});
