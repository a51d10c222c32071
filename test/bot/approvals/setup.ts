/**
 * The set-up of the chat-approval tests: a real content repository in a temp folder (the forge
 * tests' makeContentRepo) with content/reviewers.yml naming the reviewers' Telegram ids, the file
 * outbox on the local git forge, the real bot (harness) with the approvals wired as
 * bot/run/app.ts wires them, and the submitters' notices recorded.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChatApprovals } from '../../../bot/approvals/service.ts';
import { approvalStore } from '../../../bot/approvals/store.ts';
import {
  createSubmissionSink,
  type Notifier,
  type SubmissionNotice,
} from '../../../bot/forge/index.ts';
import { LocalTelegram } from '../../../bot/local-api/local-telegram.ts';
import { createNotifier } from '../../../bot/notifier.ts';
import { harness, SUBMITTER } from '../support/harness.ts';
import { makeContentRepo, sh } from '../forge/fixtures.ts';

/** The reviewers in chat: 审核 王某, 审定 李某, 赵某 holding both roles, and the submitter as a 审核人. */
export const WANG = LocalTelegram.user(300000003, 'zh-hans', '王');
export const LI = LocalTelegram.user(300000004, 'zh-hans', '李');
export const ZHAO = LocalTelegram.user(300000005, 'zh-hans', '赵');
export const NAMES = { wang: '分管副主席 王某（示例）', li: '主席 李某（示例）' };

const REVIEWERS = `reviewers:
  - login: wang-example
    name: ${NAMES.wang}
    role: review
    telegram_id: ${WANG.id}
  - login: li-example
    name: ${NAMES.li}
    role: approve
    telegram_id: ${LI.id}
  - login: zhao-example
    name: 副主席 赵某（示例）
    role: review
    telegram_id: ${ZHAO.id}
  - login: zhao-example-2
    name: 副主席 赵某（示例）
    role: approve
    telegram_id: ${ZHAO.id}
  - login: sun-example
    name: 科长 孙某（示例）
    role: review
    telegram_id: ${SUBMITTER.id}
`;

/** A content repository with the reviewers file on main; the work tree is the repository. */
export function reviewedRepo(dir: string): string {
  const repo = makeContentRepo(dir);
  writeFileSync(join(repo, 'content', 'reviewers.yml'), REVIEWERS);
  sh(repo, 'add', '.');
  sh(repo, 'commit', '-q', '-m', '审批人名单（示例）');
  return repo;
}

/** The bot on a repository, with the outbox, the approvals and the notices. */
export function approvalBot(dir: string, repo: string, today = '2026-11-20') {
  const notices: SubmissionNotice[] = [];
  let notify: Notifier = async () => {
    throw new Error('the bot is not ready yet');
  };
  const sink = createSubmissionSink({
    forge: { kind: 'local', repo },
    outbox: { kind: 'file', dir: join(dir, 'outbox') },
    notify: async (n) => {
      notices.push(n);
      await notify(n);
    },
    pollIntervalMs: 0,
    retryIntervalMs: 0,
  });
  const h = harness({ root: repo, sink, today });
  const approvals = new ChatApprovals({
    api: h.bot.api,
    forge: sink.forge,
    reviewersFile: join(repo, 'content', 'reviewers.yml'),
    store: approvalStore(h.storage),
    links: h.privateFiles.links,
    today: () => today,
    log: h.log,
  });
  h.services.approvals = approvals;
  notify = approvals.notifier(createNotifier(h.bot.api));
  return { ...h, sink, notices, approvals };
}
