/**
 * The checks a record passes before it is offered for Confirm: the same as
 * `npm run validate -- --stage submission` — the record schema on the YAML text, then the rules
 * that span records (the same code active twice on one list, the unit, the file's place) against
 * the repository's records. A submission awaits its approvals: that is said, and does not block.
 */
import {
  checkRecordText,
  crossRecordProblems,
  fieldLabel,
  type IsoDate,
  type Lang,
  type Problem,
} from '../../content/schema/index.ts';
import type { ContentRepository } from './repository.ts';

/** A record file as it will be submitted, and the files that come with it. */
export interface CandidateFile {
  file: string;
  yaml: string;
  /** The attachments' paths in the repository; a private file has none (undefined: it goes to the private store). */
  attachments: readonly (string | undefined)[];
}

/** Every problem `npm run validate -- --stage submission` would report on the repository with this file added (or replaced). */
export function validateCandidate(
  repo: ContentRepository,
  candidate: CandidateFile,
  date: IsoDate,
  lang: Lang,
): Problem[] {
  const check = checkRecordText(candidate.yaml, candidate.file, {
    categories: repo.categories,
    lang,
  });
  if (!check.record) return check.problems;
  // Only records that can conflict with this one: the same id, or the same code on the same list.
  // The rules then say exactly what `npm run validate` says about this file, at any repository size.
  const r = check.record;
  const related = repo
    .records()
    .filter(
      ({ source, record: o }) =>
        source.file !== candidate.file &&
        (o.id === r.id ||
          (!!r.subject.code && o.list === r.list && o.subject.code === r.subject.code)),
    );
  const cross = crossRecordProblems(
    repo.root,
    [...related, { source: check.source, record: r }],
    repo.publisher,
    date,
    lang,
    'submission',
  );
  // The submission brings its own attachments: their absence from the checkout is expected.
  const arriving = candidate.attachments.flatMap((p) => (p ? [p.replace(/^content\//, '')] : []));
  const ours = cross.filter(
    (p) =>
      (p.file === candidate.file || p.what.includes(candidate.file)) &&
      !(p.field.startsWith('attachments.') && arriving.some((a) => p.what.includes(a))),
  );
  return [...check.problems, ...ours];
}

/** A problem as one line of the summary: the field's name, what is wrong and how to fix it. */
export function problemLine(p: Problem, lang: Lang): string {
  const field = p.field ? fieldLabel(p.field, lang) : '';
  return `${field ? `${field}：` : ''}${p.what} — ${p.fix}`;
}

/** The summary's review: errors block Confirm; warnings and what awaits the reviewers are shown as notes. */
export function reviewOf(
  problems: Problem[],
  lang: Lang,
  notes: string[] = [],
): { notes: string[]; problems: string[] } {
  return {
    notes: [
      ...notes,
      ...problems.filter((p) => p.severity === 'warning').map((p) => `ℹ️ ${problemLine(p, lang)}`),
      ...problems.filter((p) => p.severity === 'notice').map((p) => `⏳ ${problemLine(p, lang)}`),
    ],
    problems: problems.filter((p) => p.severity === 'error').map((p) => problemLine(p, lang)),
  };
}
