/**
 * Commands typed while a form waits for an answer (issue 9 §5): /help explains the current
 * question (its schema description) and how to go back, edit or cancel; other commands get an
 * answer that fits; nothing typed mid-form loses the form.
 */
import { describe, expect, test } from 'vitest';
import { fieldDescription, recordFieldDescription } from '../../content/schema/index.ts';
import { atSummary, fillForm } from './support/drive.ts';
import { blackListAnswers, englishBlackListAnswers, testCode } from './support/fixtures.ts';
import { harness, SUBMITTER } from './support/harness.ts';

const TODAY = '2026-11-20';

describe('commands inside a form', () => {
  test('/help at every kind of question shows its help and the moves; other commands are answered; the form goes on', async () => {
    const h = harness({ today: TODAY });
    await h.act(SUBMITTER, '/new', '/help');
    // First question (buttons): its description, no Back (there is nothing before it), edit and cancel.
    let help = h.last();
    expect(help).toMatch(/^ℹ️ 当前问题：名单\n/);
    expect(help).toContain(recordFieldDescription(['list'])!);
    expect(help).toContain('请点选下方的按钮。');
    expect(help).not.toContain('/back');
    expect(help).toContain('可点“✏️”修改任何一项');
    expect(help).toContain('发送 /cancel');
    expect(help).not.toContain('不能使用');
    // The question's buttons come with the help: pressing one answers the question.
    expect(
      h.tg
        .last(SUBMITTER.id)!
        .buttons.flat()
        .map((b) => b.text),
    ).toContain('失信黑名单');
    await h.act(SUBMITTER, { press: '失信黑名单' }, { press: '企业' });

    const seen: Record<string, string> = {};
    const ask = async (command: string) => {
      await h.act(SUBMITTER, command);
      return h.last();
    };
    await fillForm(h, SUBMITTER, blackListAnswers(testCode(40)), 80, async (title) => {
      if (title === '主体名称') {
        seen.text = await ask('/help');
        seen.status = await ask('/status');
        seen.other = await ask('/objection');
        seen.unknown = await ask('/frobnicate');
        seen.requiredSkip = await ask('/skip');
      }
      if (title === '同时公布的人员') seen.repeat = await ask('/help');
      if (title === '图片') seen.files = await ask('/help');
    });
    // A typed question: the schema's description of the field, Back, edit, cancel.
    expect(seen.text).toMatch(/^ℹ️ 当前问题：主体名称\n/);
    expect(seen.text).toContain(recordFieldDescription(['subject', 'name'])!);
    expect(seen.text).toContain('返回上一题：点“⬅️ 上一步”或发送 /back');
    expect(seen.text).not.toContain('这一项可以不填');
    expect(seen.status).toContain('完成或取消这份表单后，发送 /status');
    expect(seen.other).toContain('要使用 /objection，请先完成这一份，或发送 /cancel');
    expect(seen.unknown).toMatch(/^⚠️ 没有 \/frobnicate 这个命令。您填写的内容都还在/);
    expect(seen.requiredSkip).toMatch(/^⚠️ 这一项必须填写，不能跳过。/);
    expect(seen.repeat).toContain(recordFieldDescription(['subject', 'persons'])!);
    expect(seen.repeat).toContain('这一项可以不填：点“跳过”或发送 /skip');
    // A files question: what it accepts (pictures only for 图片).
    expect(seen.files).toMatch(/^ℹ️ 当前问题：图片\n/);
    expect(seen.files).toContain('照片（图片，不接受 PDF）');
    // The commands lost nothing: the name typed after them is in the summary.
    expect(atSummary(h.last())).toBe(true);
    expect(h.last()).toContain('• 主体名称：示例市某某建筑劳务有限公司（示例）');
    await h.act(SUBMITTER, '/help');
    expect(h.last()).toMatch(/^ℹ️ 这是提交前的汇总/);
    expect(h.last()).toContain('点“✅ 确认提交”');
    await h.act(SUBMITTER, { press: '确认提交' });
    expect(h.last()).toMatch(/^✅ 已提交审核/);
  });

  test('/back and /skip as commands move like the buttons; /back at the first question says why not', async () => {
    const h = harness({ today: TODAY });
    await h.act(SUBMITTER, '/new', '/back');
    expect(h.last()).toMatch(/^⚠️ 这是第一个问题，没有上一步了。/);
    await h.act(SUBMITTER, { press: '失信黑名单' }, '/back');
    expect(h.last()).toMatch(/^\(1\/\d+\) 名单/);
    expect(h.last()).toContain('当前填写：失信黑名单');
    await h.act(
      SUBMITTER,
      { press: '失信黑名单' },
      { press: '企业' },
      '示例市某某建筑劳务有限公司（示例）',
      testCode(41),
    );
    expect(h.last()).toContain('住所（经营场所）');
    await h.act(SUBMITTER, '/skip');
    expect(h.last()).toContain('同时公布的人员');
  });

  test('in English, the help is English only', async () => {
    const h = harness({ today: TODAY });
    const en = { ...SUBMITTER, language_code: 'en' };
    await h.act(en, '/new', { press: 'Black list' }, { press: 'enterprise' }, '/help');
    const help = h.last(en);
    expect(help).toMatch(/^ℹ️ Current question: Name\n/);
    // The field's description is the schema's, in English; its examples are Chinese record text.
    expect(help).toContain(fieldDescription(['subject', 'name'], 'en')!);
    const rest = help.replace(fieldDescription(['subject', 'name'], 'en')!, '');
    expect(rest).not.toMatch(/[\u4e00-\u9fff]/u);
    await h.act(en, '示例市某某建筑劳务有限公司（示例）');
    expect(h.last(en)).toContain('Unified social credit code');
    await fillForm(h, en, englishBlackListAnswers(testCode(42)));
    expect(atSummary(h.last(en))).toBe(true);
  });
});
