/**
 * The rules of the due reminders (bot/reminders/due.ts), on records parsed from real YAML with the
 * schema: an objection reminder on the working day before its deadline (across a weekend), none once
 * handled or while its deadline is pending; none for an entry no longer public; a pending
 * submission counts as the unit's submission for the cut-off; every text exists in both languages;
 * a reminder nobody could be told is tried again.
 */
import { describe, expect, it } from 'vitest';
import {
  checkRecordSource,
  loadCategories,
  loadPublisher,
  parseYaml,
  WorkingCalendar,
} from '../../../content/schema/index.ts';
import { onceStoreOf } from '../../../bot/admin-alerts.ts';
import { createI18n } from '../../../bot/i18n.ts';
import { remindersOn, type ReminderInput } from '../../../bot/reminders/due.ts';
import { runReminders } from '../../../bot/reminders/send.ts';
import { MemoryAdapter } from '../../../bot/storage/index.ts';
import { SAMPLE_ROOT } from '../../fixtures/roots.ts';
import { recordId, recordYaml } from '../forge/fixtures.ts';
import { TestLog } from '../support/harness.ts';

const categories = loadCategories(SAMPLE_ROOT);
const publisher = loadPublisher(SAMPLE_ROOT);

/** Record n with these history events after its listing. */
function record(n: number, events = '', change: (t: string) => string = (t) => t) {
  const file = `content/records/black/2026/${recordId(n)}.yaml`;
  const check = checkRecordSource(parseYaml(change(recordYaml(n)) + events, file), {
    categories,
    lang: 'zh',
  });
  expect(check.problems).toEqual([]);
  return { record: check.record!, file };
}

function input(over: Partial<ReminderInput> = {}): ReminderInput {
  return {
    publisher,
    records: [],
    calendar: new WorkingCalendar(),
    submittersOf: (unit) => (unit === 'labour-inspection' ? [1] : unit === 'women' ? [2] : []),
    reviewers: [{ name: '分管副主席 王某（示例）', role: 'review', chatId: 3 }],
    pending: [],
    ...over,
  };
}
const keys = (i: ReminderInput, date: string) => remindersOn(i, date).map((r) => r.key);

describe('due reminders', () => {
  it('an objection due on a Monday is reminded from the Friday before, until handled', () => {
    const open = record(1, '  - status: objection\n    date: 2026-11-18\n    due: 2026-11-23\n');
    const i = input({ records: [open] });
    expect(keys(i, '2026-11-19')).toEqual([]);
    for (const date of ['2026-11-20', '2026-11-21', '2026-11-23'])
      expect(keys(i, date), date).toEqual([`objection-due:${recordId(1)}:2026-11-18`]);
    expect(keys(i, '2026-11-24')).toEqual([]);
    const handled = record(
      1,
      '  - status: objection\n    date: 2026-11-18\n    due: 2026-11-23\n  - status: maintained\n    date: 2026-11-20\n    note: 经核实，事实清楚，维持列入。（示例数据）\n',
    );
    expect(keys(input({ records: [handled] }), '2026-11-20')).toEqual([]);
    const pending = record(1, '  - status: objection\n    date: 2026-11-18\n    due: pending\n');
    expect(keys(input({ records: [pending] }), '2026-11-20')).toEqual([]);
  });

  it('an entry removed early is not reminded of its end', () => {
    const ending = (t: string) => t.replace('end: 2029-10-14', 'end: 2026-12-20');
    expect(keys(input({ records: [record(2, '', ending)] }), '2026-11-25')).toEqual([
      `expiry:${recordId(2)}:2026-12-20`,
    ]);
    const removed = record(
      2,
      '  - status: removed\n    date: 2026-11-01\n    note: 已补发全部工资并作出信用承诺，提前移出。（示例数据）\n',
      ending,
    );
    expect(keys(input({ records: [removed] }), '2026-11-25')).toEqual([]);
  });

  it("a unit's submission waiting for review counts for the quarter's cut-off", () => {
    const waiting = {
      submissionId: 's1',
      title: '新增（示例）',
      url: 'file:///x',
      awaiting: 'review' as const,
      since: '2026-12-21',
      unit: '女职工部',
      batch: '2026-Q4',
    };
    const cutoffs = (i: ReminderInput) =>
      keys(i, '2026-12-21').filter((k) => k.startsWith('batch-cutoff'));
    expect(cutoffs(input())).toContain('batch-cutoff:2026-Q4:women');
    expect(cutoffs(input({ pending: [waiting] }))).not.toContain('batch-cutoff:2026-Q4:women');
    expect(keys(input(), '2026-12-20')).toEqual([]);
  });

  it('every reminder text exists in Chinese and English', () => {
    const i18n = createI18n();
    const all = remindersOn(
      input({
        records: [
          record(1, '  - status: objection\n    date: 2026-12-17\n    due: 2026-12-22\n', (t) =>
            t.replace('end: 2029-10-14', 'end: 2026-12-31'),
          ),
        ],
        pending: (['review', 'approve'] as const).map((awaiting) => ({
          submissionId: `s-${awaiting}`,
          title: '新增（示例）',
          url: 'file:///x',
          awaiting,
          since: '2026-12-01',
          batch: '2026-Q4',
        })),
      }),
      '2026-12-21',
    );
    expect(new Set(all.map((r) => r.kind)).size).toBe(4);
    for (const r of all)
      for (const locale of ['zh-CN', 'en']) {
        const text = i18n.t(locale, r.message, r.vars);
        expect(text, `${r.message} ${locale}`).not.toMatch(/^reminder-|\{ ?\$/);
        for (const v of Object.values(r.vars)) expect(text, r.message).toContain(v);
      }
  });

  it('a reminder nobody could be told is not marked sent: the next round tries again', async () => {
    let fail = true;
    const sent: number[] = [];
    const api = {
      sendMessage: async (chat: number) => {
        if (fail) throw new Error('Bad Gateway');
        sent.push(chat);
      },
    } as never;
    const open = record(1, '  - status: objection\n    date: 2026-11-18\n    due: 2026-11-23\n');
    const round = {
      api,
      input: async () => input({ records: [open] }),
      once: onceStoreOf({ sessions: new MemoryAdapter() } as never, 'r:'),
      today: () => '2026-11-20',
      log: new TestLog(),
    };
    expect((await runReminders(round)).sent).toEqual([]);
    fail = false;
    expect((await runReminders(round)).sent).toEqual([`objection-due:${recordId(1)}:2026-11-18`]);
    expect(sent).toEqual([1, 3]);
    expect((await runReminders(round)).sent).toEqual([]);
  });
});
