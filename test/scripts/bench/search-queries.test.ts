import { describe, expect, test } from 'vitest';
import {
  buildQuerySet,
  idFromUrl,
  type IndexedRecord,
} from '../../../scripts/bench/lib/search-queries.ts';

const records: IndexedRecord[] = [
  {
    id: 'a',
    name: '大连示例机械制造有限公司',
    code: '91000000EX0000001H',
    list: 'black',
    region: '210202',
  },
  {
    id: 'b',
    name: '大连示范精密机械有限公司',
    code: '91000000EX0000002F',
    list: 'red',
    region: '210202',
  },
  {
    id: 'c',
    name: '沈阳示例（集团）有限公司',
    code: '92000000EX0000003A',
    list: 'black',
    region: '210102',
  },
  { id: 'd', name: '张某某', list: 'black', region: '210102' },
];

describe('the search query set', () => {
  const queries = buildQuerySet(records, 6, 7);

  test('answers each query with every record that contains it, not only the one it came from', () => {
    for (const q of queries) {
      const expected = records.filter((r) =>
        q.kind === 'code-full'
          ? r.code === q.text
          : q.kind === 'code-prefix'
            ? r.code?.startsWith(q.text)
            : r.name.includes(q.text),
      );
      expect(q.expected.sort(), `${q.kind} ${q.text}`).toEqual(expected.map((r) => r.id).sort());
    }
    const shared = queries.find((q) => q.text === '有限');
    if (shared) expect(shared.expected.length).toBe(3);
  });

  test('makes fragments of the asked lengths, without brackets', () => {
    for (const q of queries.filter((x) => x.kind.startsWith('name-'))) {
      expect([...q.text].length).toBe(Number(q.kind.slice(5)));
      expect(q.text).not.toMatch(/[（）]/);
    }
    expect(
      queries
        .filter((q) => q.kind === 'code-prefix')
        .every((q) => q.text.length >= 4 && q.text.length <= 17),
    ).toBe(true);
  });

  test('is the same for the same seed and differs for another', () => {
    expect(buildQuerySet(records, 6, 7)).toEqual(queries);
    expect(buildQuerySet(records, 6, 8).map((q) => q.text)).not.toEqual(queries.map((q) => q.text));
  });

  test('reads a record id from a result URL', () => {
    const ids = new Set(['a', 'b']);
    expect(idFromUrl('/records/a/', ids)).toBe('a');
    expect(idFromUrl('http://127.0.0.1:1/records/b/?x=1', ids)).toBe('b');
    expect(idFromUrl('/cases/a-case/', ids)).toBeUndefined();
  });
});
