/**
 * What a person sees along a form (issue 9 §5): a step counter that is stable and only moves
 * forward, files steps that say exactly what they accept, entries that cannot be chosen explained
 * with the true reason, and dates in China time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import {
  ATTACHMENT_EXTENSIONS,
  isPublicOn,
  visibilityOn,
  type LoadedRecord,
} from '../../content/schema/index.ts';
import { ContentRepository } from '../../bot/record/repository.ts';
import { fillForm } from './support/drive.ts';
import { blackListAnswers, JPEG, PDF, testCode } from './support/fixtures.ts';
import { SAMPLE_ROOT } from '../fixtures/roots.ts';
import { harness, PUBLIC, SUBMITTER } from './support/harness.ts';

const TODAY = '2026-11-20';
type H = ReturnType<typeof harness>;

/** "(i/n)" of every question asked, in order. */
async function positions(
  h: H,
  answers: Parameters<typeof fillForm>[2],
): Promise<{ title: string; i: number; n: number }[]> {
  const seen: { title: string; i: number; n: number }[] = [];
  await fillForm(h, SUBMITTER, answers, 80, async (title, question) => {
    const m = /^\((\d+)\/(\d+)\)/.exec(question)!;
    seen.push({ title, i: Number(m[1]), n: Number(m[2]) });
  });
  return seen;
}

describe('the step counter', () => {
  test('a black-list entry: "i of n" goes up by one and n is the length of the path from the first question', async () => {
    const h = harness({ today: TODAY });
    await h.act(SUBMITTER, '/new');
    const seen = await positions(h, blackListAnswers(testCode(70)));
    expect(seen.map((s) => s.i)).toEqual(seen.map((_, k) => k + 1));
    expect(new Set(seen.map((s) => s.n))).toEqual(new Set([seen.length]));
  });

  test('an answer that shortens the path lowers n once; i never goes back; n is the number of questions asked', async () => {
    const h = harness({ today: TODAY });
    await h.act(SUBMITTER, '/new');
    const seen = await positions(
      h,
      blackListAnswers('', {
        名单: { press: '守信红榜' },
        主体类型: { press: '个人' },
        主体名称: '张某某',
        '身份证号码（已脱敏）': '110105********002X',
        列入类别: { press: '诚信等级 A 级' },
      }),
    );
    expect(seen.map((s) => s.i)).toEqual(seen.map((_, k) => k + 1));
    expect(seen.at(-1)!.n).toBe(seen.length);
    // n changes only right after the answers that decide the path (the list, the kind of subject).
    const changes = seen.flatMap((s, k) =>
      k > 0 && s.n !== seen[k - 1]!.n ? [seen[k - 1]!.title] : [],
    );
    expect(changes.every((t) => ['名单', '主体类型'].includes(t))).toBe(true);
    for (let k = 1; k < seen.length; k++) expect(seen[k]!.n).toBeLessThanOrEqual(seen[k - 1]!.n);
  });
});

describe('files steps say what they accept', () => {
  test('the picture step takes pictures only and says so; a PDF sent there is refused with what to do; the decision step takes a PDF', async () => {
    expect(ATTACHMENT_EXTENSIONS.picture).not.toContain('pdf');
    expect(ATTACHMENT_EXTENSIONS.decision).toContain('pdf');
    const h = harness({ today: TODAY });
    await h.act(SUBMITTER, '/new');
    const questions: Record<string, string> = {};
    let refusal = '';
    await fillForm(
      h,
      SUBMITTER,
      blackListAnswers(testCode(71), {
        决定文书: { files: (hh, u) => [hh.tg.document(u, PDF, '决定书.pdf', 'application/pdf')] },
        图片: { files: (hh, u) => [hh.tg.photo(u, JPEG)] },
      }),
      80,
      async (title, question) => {
        questions[title] = question;
        if (title === '图片') {
          await h.send(h.tg.document(SUBMITTER, PDF, '现场.pdf', 'application/pdf'));
          refusal = h.last();
        }
      },
    );
    expect(questions['图片']).toContain('请发送照片（图片，不接受 PDF）');
    expect(questions['图片']).toContain(`接受的类型：${ATTACHMENT_EXTENSIONS.picture.join(', ')}`);
    expect(refusal).toMatch(/^⚠️ 文件内容不是允许的类型（识别为：pdf）/);
    expect(refusal).toContain(`这一项只接受图片（${ATTACHMENT_EXTENSIONS.picture.join(', ')}）`);
    expect(refusal).toContain('PDF 文件请在“决定文书”一步发送');
    for (const title of ['决定文书', '典型案例报告'])
      expect(questions[title]).toContain('请发送照片或 PDF 文件');
    await h.act(SUBMITTER, { press: '确认提交' });
    expect(h.last()).toMatch(/^✅ 已提交审核/);
  });
});

describe('an entry that cannot be chosen gets the true reason', () => {
  /** An entry of the sample content in a state on TODAY, found by its visibility. */
  const entry = (h: H, where: (r: LoadedRecord, v: ReturnType<typeof visibilityOn>) => boolean) => {
    const found = h.repo.records().find((r) => where(r, visibilityOn(r.record, TODAY)));
    if (!found) throw new Error('the sample content has no entry in the state this test needs');
    return found.record;
  };

  test('/objection: not yet published, publication ended, withdrawn', async () => {
    const h = harness({ today: TODAY });
    await h.act(PUBLIC, '/objection');
    const notYet = entry(h, (_r, v) => !v.public && v.reason === 'not-yet');
    await h.act(PUBLIC, notYet.id);
    expect(h.last(PUBLIC)).toMatch(
      new RegExp(
        `^⚠️ 记录 ${notYet.id} 尚未开始公示（${notYet.publication.start} 起公示）\n公示开始后才能对它提出异议`,
      ),
    );
    // Its name is not public yet: the reply does not reveal it.
    expect(h.last(PUBLIC)).not.toContain(notYet.subject.name);
    const ended = entry(h, (_r, v) => !v.public && v.reason === 'ended');
    await h.act(PUBLIC, ended.id);
    expect(h.last(PUBLIC)).toMatch(
      new RegExp(`^⚠️ “.+”（${ended.id}）的公示期已于 ${ended.publication.end} 结束，现已不再公示`),
    );
    const withdrawn = entry(
      h,
      (r, v) => !v.public && v.reason === 'status' && r.record.history.at(-1)!.status === 'revoked',
    );
    await h.act(PUBLIC, withdrawn.id);
    expect(h.last(PUBLIC)).toMatch(
      new RegExp(`^⚠️ “.+”（${withdrawn.id}）的状态为“撤销”，现已不再公示`),
    );
    expect(h.last(PUBLIC)).toContain(h.repo.publisher.name);
    await h.act(PUBLIC, 'no-such-entry-2026');
    expect(h.last(PUBLIC)).toMatch(/^⚠️ 没有找到“no-such-entry-2026”对应的公示记录/);
  });

  test('/repair: a demonstration entry is told early removal is for the black list; an ended black-list entry that nothing needs removing', async () => {
    const h = harness({ today: TODAY });
    await h.act(PUBLIC, '/repair');
    const demo = entry(h, (r, v) => v.public && r.record.list === 'demo');
    await h.act(PUBLIC, demo.id);
    expect(h.last(PUBLIC)).toContain(
      `是和谐劳动关系示范单位的记录，不在失信黑名单上\n信用修复（提前移出）只适用于失信黑名单`,
    );
    const ended = entry(
      h,
      (r, v) => !v.public && v.reason === 'ended' && r.record.list === 'black',
    );
    await h.act(PUBLIC, ended.id);
    expect(h.last(PUBLIC)).toContain('公示已经结束，无需再申请提前移出。');
  });
});

describe('dates in China time', () => {
  test('/status shows the day and time a submission was made in China, whatever the zone it was stored in', async () => {
    const h = harness({ today: TODAY });
    // 17:30 UTC on the 18th is 01:30 on the 19th in Beijing.
    await h.storage.sessions.write(`session:${PUBLIC.id}`, {
      submissions: [
        {
          id: 'x',
          kind: 'objection',
          recordId: 'r',
          title: '异议 x',
          createdAt: '2026-11-18T17:30:00Z',
        },
      ],
    });
    await h.act(PUBLIC, '/status');
    expect(h.last(PUBLIC)).toContain('异议 x\n  2026-11-19 01:30 ·');
  });
});

describe('deadlines are written the same way on the site', () => {
  test('an objection deadline on the built entry page says the last day counts, as the bot and the pull request do', () => {
    const siteDir = inject('siteDir');
    const siteDate = inject('siteDate');
    const repo = new ContentRepository(SAMPLE_ROOT, 0);
    const found = repo
      .records()
      .find((r) => isPublicOn(r.record, siteDate) && r.record.history.some((e) => e.due));
    if (!found)
      throw new Error(
        `the sample content has no public entry with an objection deadline on ${siteDate}`,
      );
    const due = found.record.history.find((e) => e.due)!.due!;
    const file = [
      join(siteDir, 'records', found.record.id, 'index.html'),
      join(siteDir, 'records', `${found.record.id}.html`),
    ].find(existsSync);
    expect(file, `entry page of ${found.record.id}`).toBeDefined();
    const [y, m, d] = due.split('-').map(Number);
    expect(readFileSync(file!, 'utf8')).toContain(`办理时限：最迟 ${y}年${m}月${d}日（含当日）`);
  });
});
