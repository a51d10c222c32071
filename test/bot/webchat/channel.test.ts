/**
 * The web channel in process: the same conversations as in Telegram, reached through
 * bot.handleUpdate with the web chat's updates, answered into the transcript. Who may do what:
 * /objection for anyone, /new only with an unrevoked invitation.
 */
import { describe, expect, test } from 'vitest';
import { createNotifier } from '../../../bot/notifier.ts';
import type { MemorySink } from '../support/memory-sink.ts';
import { blackListAnswers, testCode } from '../support/fixtures.ts';
import { webHarness } from './support.ts';

describe('web channel', () => {
  test('/new without an invitation is refused; with one it runs the form; revoked, refused again', async () => {
    const h = webHarness();
    const stranger = await h.person();
    await stranger.say('/new');
    expect((await stranger.last()).text).toMatch(/报送|submit/);
    expect((await stranger.last()).text).not.toMatch(/^\(1\//m);

    const invite = await h.web.accounts.invite('labour-inspection', 3600_000);
    const submitter = await h.person(invite);
    await submitter.refresh();
    await submitter.say('/new');
    expect((await submitter.last()).text).toMatch(/^\(1\/\d+\)/m);
    await submitter.say('/cancel');

    const [account] = await h.web.accounts.list();
    expect(await h.web.accounts.revoke(account!.id)).toBe(true);
    await submitter.say('/new');
    expect((await submitter.last()).text).not.toMatch(/^\(1\/\d+\)/m);
    // An invitation is used once.
    const other = await h.web.accounts.openSession();
    expect(await h.web.accounts.redeem(other.cookie, invite)).toBeUndefined();
  });

  test('a full /new through the web chat ends in one submission for the invited unit', async () => {
    const h = webHarness();
    const invite = await h.web.accounts.invite('labour-inspection', 3600_000);
    const p = await h.person(invite);
    await p.refresh();
    await p.say('/new');
    await p.fill(blackListAnswers(testCode(7101)));
    await p.press('确认提交');
    const sink = h.sink as MemorySink;
    expect(sink.submissions).toHaveLength(1);
    expect(sink.submissions[0]).toMatchObject({
      kind: 'new',
      submitter: { chatId: p.session.chatId },
    });
    expect((await p.last()).text).toMatch(/已提交|submitted/i);
  });

  test('an objection from a deep link names the entry and is recorded for it', async () => {
    const today = '2026-11-20';
    const h = webHarness({ today });
    const entry = h.repo
      .records()
      .find(
        (r) => r.record.list === 'black' && h.repo.findPublic(r.record.id, today).length === 1,
      )!;
    const p = await h.person();
    await p.say(`/start objection-${entry.record.id}`);
    const text = (await p.events()).map((e) => ('text' in e ? e.text : '')).join('\n');
    expect(text).toContain(entry.record.id);
    await p.fill({
      异议事由: '该公司已足额支付全部工资，公示所列事实与实际不符，请核查。（示例数据）',
      证据材料: { skip: true },
    });
    await p.press('确认提交');
    const s = (h.sink as MemorySink).submissions[0]!;
    expect(s).toMatchObject({ kind: 'objection', recordId: entry.record.id });
    expect((await p.last()).text).toContain('异议已收到');
  });

  test('a fake or oversized file is refused with the reason', async () => {
    const h = webHarness({ config: { maxFileBytes: 2048 } });
    const today = '2026-11-20';
    const entry = h.repo.records().find((r) => h.repo.findPublic(r.record.id, today).length === 1)!;
    const p = await h.person();
    await p.say(`/start objection-${entry.record.id}`);
    await p.say('该公司已足额支付全部工资，公示所列事实与实际不符，请核查。（示例数据）');
    await p.upload('证据.pdf', 'application/pdf', new TextEncoder().encode('not a pdf at all'));
    expect((await p.last()).text).toMatch(/⚠️/);
    await p.upload('big.pdf', 'application/pdf', new Uint8Array(4096));
    expect((await p.last()).text).toMatch(/⚠️.*(KB|MB)/s);
  });

  test('a notice for a web chat submitter waits in the transcript for the next visit', async () => {
    const h = webHarness();
    const p = await h.person();
    await createNotifier(h.bot.api)({
      outcome: 'published',
      submissionId: 's1',
      recordId: '2026q4-black-900',
      title: '示例条目',
      url: 'https://example.org/pull/1',
      submitter: { chatId: p.session.chatId, language: 'zh' },
    });
    expect((await p.last()).text).toContain('示例条目');
    // Telegram chats are still Telegram's: nothing of them lands in a transcript.
    expect(h.tg.sent).toEqual([]);
  });

  test('a repair deep link opens the application with the black-list entry chosen', async () => {
    const today = '2026-11-20';
    const h = webHarness({ today });
    const [ref] = h.repo
      .records()
      .filter((r) => r.record.list === 'black')
      .flatMap((r) => h.repo.findPublic(r.record.id, today, ['black']))
      .filter((ref) => h.repo.categories.black.find((c) => c.id === ref.category)?.repair);
    expect(ref).toBeDefined();
    const p = await h.person();
    await p.say(`/start repair-${ref!.id}`);
    const text = (await p.last()).text;
    expect(text).toMatch(/^\(2\/\d+\)/);
  });
});
