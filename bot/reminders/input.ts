/**
 * The inputs of the reminders, read from the bot's own sources each round: the content repository
 * (publisher settings, records, holiday calendar), the submitters allow-list (unit → chat ids),
 * content/reviewers.yml (role → telegram_id) and the forge's open submissions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { workingCalendarOf } from '../../content/schema/index.ts';
import { reviewersSchema } from '../forge/ci-report.ts';
import type { Forge } from '../forge/types.ts';
import type { ContentRepository } from '../record/repository.ts';
import type { Submitters } from '../submitters.ts';
import type { ReminderInput } from './due.ts';
import { pendingReviews } from './pending.ts';

/** The reviewers of content/reviewers.yml with their chat ids; none when the file is absent. */
export function loadReviewers(file: string): ReminderInput['reviewers'] {
  if (!existsSync(file)) return [];
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new Error(`${file}: cannot read the reviewers — fix its YAML syntax`, { cause });
  }
  const parsed = reviewersSchema.safeParse(data);
  if (!parsed.success)
    throw new Error(
      `${file} is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')} — write reviewers: [{ login, name, role, telegram_id }]`,
    );
  return parsed.data.reviewers.map((r) => ({
    name: r.name,
    role: r.role,
    ...(r.telegram_id ? { chatId: r.telegram_id } : {}),
  }));
}

/** The chat ids of each unit's allow-listed submitters. */
export const submittersOf =
  (submitters: Submitters) =>
  (unitId: string): number[] =>
    submitters.ids().filter((id) => submitters.unitOf(id)?.id === unitId);

/** Where the inputs come from. */
export interface ReminderSources {
  repo: ContentRepository;
  submitters: Submitters;
  forge: Forge;
  /** content/reviewers.yml of the content root by default. */
  reviewersFile?: string;
}

/** Reads the inputs afresh (records re-read, the forge asked). */
export function reminderInput(sources: ReminderSources): () => Promise<ReminderInput> {
  const { repo, submitters, forge } = sources;
  const reviewersFile = sources.reviewersFile ?? join(repo.root, 'content', 'reviewers.yml');
  return async () => {
    repo.refresh();
    return {
      publisher: repo.publisher,
      records: repo.records().map((r) => ({ record: r.record, file: r.source.file })),
      calendar: workingCalendarOf(repo.root),
      submittersOf: submittersOf(submitters),
      reviewers: loadReviewers(reviewersFile),
      pending: await pendingReviews(forge),
    };
  };
}
