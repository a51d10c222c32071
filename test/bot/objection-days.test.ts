/**
 * The objection deadline's number of working days comes from the publisher's configuration
 * (content/publisher.yaml objection_working_days), never from a literal: a publisher with 5 days
 * sees 5 in /help, in the /objection introduction, in the deadline and in the receipt, and the
 * recorded due date is 5 working days after receipt on the official calendar.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { fillForm } from './support/drive.ts';
import { PDF } from './support/fixtures.ts';
import { contentCopy, harness, PUBLIC } from './support/harness.ts';
import type { MemorySink } from './support/memory-sink.ts';

describe('a publisher with objection_working_days: 5', () => {
  test('the bot states 5 working days and dates the deadline 5 working days after receipt', async () => {
    const root = contentCopy();
    const file = join(root, 'content/publisher.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^objection_working_days: 3$/m);
    writeFileSync(file, text.replace(/^objection_working_days: 3$/m, 'objection_working_days: 5'));
    // 2026-09-30, the eve of the National Day holiday (1–7 October 2026); 10 October, a Saturday,
    // is a make-up working day. Five working days after receipt: 8, 9, 10, 12 and 13 October.
    const today = '2026-09-30';
    const h = harness({ root, today });
    expect(h.repo.publisher.objection_working_days).toBe(5);
    await h.act(PUBLIC, '/help');
    expect(h.last(PUBLIC)).toMatch(/5 个工作日/);
    await h.act(PUBLIC, '/objection');
    const intro = h.tg.sent.map((m) => m.text).join('\n');
    expect(intro).toContain('我们在收到后 5 个工作日内核查处理');
    expect(intro).not.toMatch(/3 个工作日/);
    const entry = h.repo
      .records()
      .find(
        (r) =>
          r.record.list === 'black' &&
          r.record.subject.code &&
          r.record.history.every((e) => e.date <= today) &&
          h.repo.findPublic(r.record.subject.code, today).length === 1,
      )!;
    await fillForm(h, PUBLIC, {
      '哪一条记录？': entry.record.subject.code!,
      异议事由: '公示所列欠薪已于 2026 年 9 月全部支付，请核查。（示例数据）',
      证据材料: {
        files: (hh, u) => [hh.tg.document(u, PDF, '工资支付凭证.pdf', 'application/pdf')],
      },
    });
    expect(h.last(PUBLIC)).toContain('最迟 2026-10-13（含当日）');
    expect(h.last(PUBLIC)).toContain('5 个工作日');
    await h.send(h.tg.press(PUBLIC, '确认提交'));
    expect(h.last(PUBLIC)).toContain('最迟 2026-10-13（含当日）核查处理完毕');
    expect(h.last(PUBLIC)).toContain('5 个工作日');
    const sink = h.sink as MemorySink;
    const s = sink.submissions[0]!;
    expect(parse(sink.text(s, entry.source.file)).history.at(-1)).toMatchObject({
      status: 'objection',
      date: today,
      due: '2026-10-13',
    });
  });
});
