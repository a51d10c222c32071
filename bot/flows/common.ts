/**
 * What every form flow does the same way: start (today and a button nonce, taken once), talk in
 * the user's language, and hand a confirmed submission to the sink, recording it for /status.
 */
import type { BotConfig } from '../config.ts';
import type { FormContext, FormConversation, SessionData, SubmissionEntry } from '../context.ts';
import { FormIO } from '../form/io.ts';
import type { FormEnv } from '../form/step.ts';
import { branchFor, type SubmissionKind } from '../forge/types.ts';
import { langOf, type Translate } from '../i18n.ts';
import type { BotServices } from '../services.ts';
import { assembleSubmission, type SubmissionDraft } from '../submission.ts';

/** The configuration and services every flow gets. */
export interface FlowKit {
  config: BotConfig;
  services: BotServices;
}

/**
 * The submitting unit an allow-listed submitter belongs to. The allow-list names units by id; one
 * that publisher.yaml no longer lists is a configuration error, said with the fix.
 */
export function submitterUnit(services: BotServices, unitId: string) {
  const unit = services.repo.publisher.units.find((u) => u.id === unitId);
  if (!unit)
    throw new Error(
      `unit "${unitId}" from the allow-list is not in content/publisher.yaml any more: fix HONGHEI_SUBMITTERS`,
    );
  return unit;
}

/** Starts a form: fixes today's date and the nonce for the whole form, and binds the texts. */
export async function startForm<D>(
  conversation: FormConversation,
  ctx: FormContext,
  kit: FlowKit,
  data: D,
): Promise<{ io: FormIO; env: FormEnv<D> }> {
  const { today, nonce } = await conversation.external(() => ({
    today: kit.services.today(),
    nonce: kit.services.randomId(3),
  }));
  const locale = await ctx.i18n.getLocale();
  const t: Translate = (key, vars) => ctx.t(key, vars);
  return {
    io: new FormIO(conversation, ctx, nonce, t('button-cancel'), kit.services.log),
    env: { lang: langOf(locale), t, today, data },
  };
}

/** The outcome of handing a submission to the sink. */
export type Submitted =
  | { ok: true; id: string; kind: SubmissionKind; branch: string; url?: string }
  | { ok: false; error: string };

/** Waits briefly for the sink to deliver, so the reply can carry the pull request's link. */
async function deliveredUrl(kit: FlowKit, id: string, waitMs = 1500): Promise<string | undefined> {
  for (let waited = 0; waited <= waitMs; waited += 100) {
    const status = await kit.services.sink.status(id);
    if (status.delivered && status.pullRequest) return status.pullRequest.url;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

/** Records a stored submission in the session (the last 20), for /status. */
export function rememberSubmission(octx: { session: SessionData }, s: SubmissionEntry): void {
  octx.session.submissions = [
    ...octx.session.submissions,
    { id: s.id, kind: s.kind, recordId: s.recordId, title: s.title, createdAt: s.createdAt },
  ].slice(-20);
}

/**
 * Stores the submission (the sink's outbox delivers it) and records it in the session. A failure
 * is returned, not thrown: a thrown error would end the conversation and lose the form.
 */
export function submitDraft(
  conversation: FormConversation,
  kit: FlowKit,
  draft: SubmissionDraft,
): Promise<Submitted> {
  return conversation.external(async (octx): Promise<Submitted> => {
    try {
      const submission = await assembleSubmission(
        draft,
        kit.services.files,
        kit.config.maxFileBytes,
        kit.services.privateFiles,
      );
      await kit.services.sink.submit(submission);
      rememberSubmission(octx, draft);
      const url = await deliveredUrl(kit, draft.id);
      return {
        ok: true,
        id: draft.id,
        kind: draft.kind,
        branch: branchFor(draft.id),
        ...(url ? { url } : {}),
      };
    } catch (error) {
      kit.services.log.error(`submission ${draft.id} could not be stored`, error);
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  });
}

/**
 * The reply after a submission was stored. A submitter of a new entry is told the review link (or
 * the branch) and the approvals it awaits; an objector or applicant is told only their reference
 * and how to follow it — what happens to their application is said by their flow, and the
 * publisher's internal approval chain is not their business.
 */
export function submittedText(t: Translate, s: Extract<Submitted, { ok: true }>): string {
  if (s.kind !== 'new') return t('submitted-public', { id: s.id });
  return s.url
    ? t('submitted-pr', { id: s.id, url: s.url })
    : t('submitted-branch', { id: s.id, branch: s.branch });
}
