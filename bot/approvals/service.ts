/**
 * 审核 and 审定 in chat (issue 12, section 2). When a submission's pull request opens, the
 * 审核人 of content/reviewers.yml (by telegram_id) get its summary with 通过 / 退回; after 审核 the
 * 审定人 get it; after 审定 the bot merges when the publish-stage validation passes, or says why
 * not. Approvals, merges and rejections go through the review CLI's library (LocalReview), so the
 * record's approvals and the commit trailers are exactly the CLI's. Refused: approving one's own
 * submission, giving both approvals, approving for a role one does not hold; a second press or a
 * stale message changes nothing and says so. On a hosted forge that can take them (ReviewableForge:
 * GitHub, Gitea, GitLab) the same approvals are written on the pull request's branch through its
 * API (HostedReview) and the merge goes through its merge call; when the forge's branch protection
 * requires its own reviews, the chat says so with the link (docs/forges.md). 退回 on a hosted forge
 * is done there (closing the pull request with a comment).
 */
import { dirname } from 'node:path';
import { GrammyError, type Api } from 'grammy';
import type { IsoDate } from '../../content/schema/index.ts';
import { isRecordPath } from '../forge/approval-commit.ts';
import { git } from '../forge/git.ts';
import { LocalGitForge } from '../forge/local-git.ts';
import { HostedReview, isReviewable, PlatformReviewRequired } from '../forge/hosted-review.ts';
import { LocalReview, ReviewRefusal } from '../forge/local-review.ts';
import { branchFor, type Forge, type Notifier, type SubmissionNotice } from '../forge/types.ts';
import { createI18n, translator } from '../i18n.ts';
import type { LinkSigner } from '../private-files/links.ts';
import { loadReviewers } from '../reminders/input.ts';
import type { Logger } from '../services.ts';
import {
  batchRows,
  decisionKeyboard,
  hostedRequestText,
  requestText,
  type Role,
} from './request.ts';
import { decide, type Decision, type Reply } from './rules.ts';
import type { ApprovalStore } from './store.ts';

/** What the chat approvals need. */
export interface ChatApprovalsOptions {
  api: Api;
  forge: Forge;
  /** content/reviewers.yml of the content root; re-read at every use. */
  reviewersFile: string;
  store: ApprovalStore;
  links: LinkSigner;
  today(): IsoDate;
  log: Logger;
}

/** A pending 退回 older than this is forgotten (the reviewer presses 退回 again). */
const PENDING_MS = 24 * 3600_000;

/** The approvals in chat. */
export class ChatApprovals {
  /** The review CLI's library on a local-git forge; absent on a hosted forge. */
  readonly review?: LocalReview;
  /** The same approvals through a hosted forge's API; absent on local git or a forge without them. */
  readonly hosted?: HostedReview;
  private readonly t = translator(createI18n(), 'zh-CN');

  private readonly o: ChatApprovalsOptions;

  constructor(options: ChatApprovalsOptions) {
    this.o = options;
    if (options.forge instanceof LocalGitForge) this.review = new LocalReview(options.forge);
    else if (isReviewable(options.forge)) this.hosted = new HostedReview(options.forge);
  }

  /** Whether approvals are given in chat (local git, or a hosted forge that can take them). */
  private get inChat(): boolean {
    return Boolean(this.review ?? this.hosted);
  }

  /** The content root (content/reviewers.yml sits in its content/ folder). */
  private get root(): string {
    return dirname(dirname(this.o.reviewersFile));
  }

  /** The approvals so far of an open submission. */
  private approvalsOf(id: string) {
    if (this.review) return this.review.forge.approvals(id);
    return this.hosted ? this.hosted.approvals(id) : Promise.resolve([]);
  }

  /** The reviewers, read afresh (a publisher may edit the file while the bot runs). */
  reviewers() {
    return loadReviewers(this.o.reviewersFile);
  }

  /**
   * Wraps the submitters' notifier: a delivered submission first goes to the 审核人, then the
   * submitter is told. The outbox calls again after a failure; each reviewer asked is marked, so
   * a retry asks only those not reached yet.
   */
  notifier(next: Notifier): Notifier {
    return async (notice) => {
      if (notice.outcome === 'delivered') await this.requested(notice);
      await next(notice);
    };
  }

  /** Remembers the submitter and asks the 审核人. */
  async requested(notice: SubmissionNotice): Promise<void> {
    const { submitter } = notice;
    const known = await this.o.store.request(notice.submissionId);
    await this.o.store.saveRequest(notice.submissionId, {
      ...known,
      title: notice.title,
      ...(submitter.userId !== undefined ? { submitterUserId: submitter.userId } : {}),
      ...(submitter.chatId !== undefined ? { submitterChatId: submitter.chatId } : {}),
    });
    await this.ask('review', notice.submissionId, notice.url, notice.title);
  }

  /**
   * Sends the request of a role to its reviewers (never to the submitter, a past approver or one
   * already asked). A reviewer who cannot be reached (blocked the bot, never started it) is logged
   * and skipped; other failures are thrown so the caller tries again.
   */
  async ask(role: Role, id: string, url = '', title = id): Promise<number> {
    const request = (await this.o.store.request(id)) ?? { title };
    if (this.inChat && (await this.o.forge.state(id))?.state !== 'open') return 0;
    const done = await this.approvalsOf(id);
    const asked = request.asked?.[role] ?? [];
    const to = this.reviewers().filter(
      (r) =>
        r.role === role &&
        r.chatId !== undefined &&
        r.chatId !== request.submitterUserId &&
        !done.some((a) => a.by === r.name),
    );
    if (!to.length) {
      this.o.log.warn?.(
        `no ${role} reviewer with a telegram_id in ${this.o.reviewersFile} for submission ${id}: add telegram_id to the reviewers of role ${role}`,
      );
      return 0;
    }
    const pending = to.filter((r) => !asked.includes(r.chatId!));
    if (!pending.length) return to.length;
    let text: string;
    let keyboard;
    if (this.review) {
      const view = await this.review.show(id, this.o.today());
      // A batch holds several records: the request lists every one (the view shows the first).
      const records = [];
      for (const path of view.files.filter(isRecordPath))
        records.push({
          path,
          text: (await git(this.review.forge.repo, ['show', `refs/heads/${branchFor(id)}:${path}`]))
            .stdout,
        });
      const texts = records.map((r) => r.text);
      const rows = records.length > 1 ? batchRows(records, this.root) : view.rows;
      text = requestText(this.t, 'zh', role, view, texts, this.o.links, rows);
      keyboard = decisionKeyboard(this.t, role, id);
    } else if (this.hosted) {
      const snapshot = await this.hosted.forge.snapshot(id);
      if (!snapshot) return 0;
      text = hostedRequestText(this.t, role, { id, snapshot, approvals: done, root: this.root });
      keyboard = decisionKeyboard(this.t, role, id);
    } else {
      text = this.t(`approval-hosted-${role}`, { title, id, url, forge: this.o.forge.name });
    }
    for (const r of pending) {
      try {
        await this.o.api.sendMessage(r.chatId!, text, {
          link_preview_options: { is_disabled: true },
          ...(keyboard ? { reply_markup: keyboard } : {}),
        });
      } catch (error) {
        if (!(error instanceof GrammyError && [400, 403].includes(error.error_code))) throw error;
        this.o.log.error(
          `the ${role} request of ${id} cannot reach ${r.name} (telegram_id ${r.chatId}): they must start the bot, or fix telegram_id in ${this.o.reviewersFile}`,
          error,
        );
      }
      asked.push(r.chatId!);
      await this.o.store.saveRequest(id, {
        ...request,
        asked: { ...request.asked, [role]: asked },
      });
    }
    return to.length;
  }

  /** Gathers the facts and decides whether the user may act (rules.ts). */
  private async check(
    userId: number,
    role: Role,
    id: string,
    rejecting = false,
  ): Promise<Decision> {
    if (!this.inChat) return { key: 'approval-hosted-only', vars: { forge: this.o.forge.name } };
    const state = await this.o.forge.state(id);
    return decide({
      userId,
      role,
      id,
      rejecting,
      reviewers: this.reviewers(),
      state,
      submitterUserId: (await this.o.store.request(id))?.submitterUserId,
      approvals: state?.state === 'open' ? await this.approvalsOf(id) : [],
    });
  }

  /** 通过 pressed: records the approval as the review CLI does; after 审定, merges. */
  async approve(userId: number, role: Role, id: string): Promise<Reply> {
    const checked = await this.check(userId, role, id);
    if ('key' in checked) return checked;
    const date = this.o.today();
    let moved: Reply | undefined;
    try {
      if (!checked.mergeOnly) {
        const { startMoved } = await (this.review ?? this.hosted)!.approve(id, {
          by: checked.name,
          role,
          date,
        });
        if (startMoved) moved = { key: 'approval-start-moved', vars: { ...startMoved } };
      }
    } catch (error) {
      if (error instanceof ReviewRefusal)
        return { key: 'approval-refused', vars: { reason: error.message } };
      throw error;
    }
    if (role === 'review') {
      const asked = await this.ask('approve', id);
      return {
        key: asked ? 'approval-reviewed' : 'approval-reviewed-nobody',
        vars: { id, by: checked.name, date },
        ...(moved ? { then: moved } : {}),
      };
    }
    try {
      await (this.review ?? this.hosted)!.merge(id, { by: checked.name, date });
    } catch (error) {
      if (error instanceof PlatformReviewRequired)
        return {
          key: 'approval-platform-review',
          vars: { id, by: checked.name, url: error.url, forge: this.o.forge.name },
          ...(moved ? { then: moved } : {}),
        };
      if (error instanceof ReviewRefusal)
        return {
          key: 'approval-not-merged',
          vars: { id, by: checked.name, reason: error.message },
          ...(moved ? { then: moved } : {}),
        };
      throw error;
    }
    return {
      key: 'approval-merged',
      vars: { id, by: checked.name, date },
      ...(moved ? { then: moved } : {}),
    };
  }

  /** 退回 pressed: checks the reviewer, then waits for the comment. */
  async startRejection(userId: number, role: Role, id: string, now: Date): Promise<Reply> {
    const checked = await this.check(userId, role, id, true);
    if ('key' in checked) return checked;
    if (!this.review) {
      const url = (await this.o.forge.find(id))?.url ?? '';
      return { key: 'approval-hosted-reject', vars: { id, url, forge: this.o.forge.name } };
    }
    await this.o.store.setPending(userId, { submissionId: id, role, at: now.toISOString() });
    return { key: 'approval-reject-ask', vars: { id } };
  }

  /** The pending rejection of a reviewer, if any and recent. */
  async pending(userId: number, now: Date) {
    const p = await this.o.store.pending(userId);
    if (p && now.getTime() - Date.parse(p.at) > PENDING_MS) {
      await this.o.store.setPending(userId, undefined);
      return undefined;
    }
    return p;
  }

  /** Forgets a pending rejection (the reviewer sent a command instead of a comment). */
  async dropPending(userId: number): Promise<string | undefined> {
    const p = await this.o.store.pending(userId);
    if (p) await this.o.store.setPending(userId, undefined);
    return p?.submissionId;
  }

  /** The comment of a pending 退回: rejects as the review CLI does; the submitter is told by the outbox. */
  async reject(userId: number, comment: string, now: Date): Promise<Reply | undefined> {
    const p = await this.pending(userId, now);
    if (!p) return undefined;
    await this.o.store.setPending(userId, undefined);
    const checked = await this.check(userId, p.role, p.submissionId, true);
    if ('key' in checked) return checked;
    try {
      await this.review!.reject(p.submissionId, {
        by: checked.name,
        comment,
        date: this.o.today(),
      });
    } catch (error) {
      if (error instanceof ReviewRefusal)
        return { key: 'approval-refused', vars: { reason: error.message } };
      throw error;
    }
    return { key: 'approval-rejected', vars: { id: p.submissionId } };
  }
}
