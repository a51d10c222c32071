/**
 * How a submission is presented on a hosted forge: the pull request's title, its body (the bot's
 * text, the field table, the validator's verdict on the record as a submission — awaiting its
 * approvals — and links to the attachments) and its labels (list:…, category:…, kind:…). The
 * verdict uses the publisher's configuration from a local copy of the content repository when one
 * is given.
 */
import {
  approvalProblems,
  checkRecordText,
  loadCategories,
  loadPublisher,
  type Categories,
  type Lang,
  type Publisher,
} from '../../content/schema/index.ts';
import { pullRequestBody, recordFileOf, recordLabels, recordRows, verdictOf } from './summary.ts';
import type { Submission } from './types.ts';

/** What a forge shows for a submission. */
export interface Presentation {
  title: string;
  body: string;
  labels: string[];
}

/** Builds a submission's presentation; attachmentUrl links a file on the submission's branch. */
export type Presenter = (
  submission: Submission,
  attachmentUrl: (path: string) => string,
) => Presentation;

/** The default presenter. contentRoot: a folder holding content/categories.yaml (e.g. the bot's checkout). */
export function createPresenter(options: { contentRoot?: string; lang?: Lang } = {}): Presenter {
  const lang = options.lang ?? 'zh';
  let categories: Categories | undefined;
  let publisher: Publisher | undefined;
  if (options.contentRoot) {
    try {
      categories = loadCategories(options.contentRoot);
      publisher = loadPublisher(options.contentRoot);
    } catch (error) {
      throw new Error(
        `cannot read the configuration in ${options.contentRoot}/content (categories.yaml, publisher.yaml) for pull request summaries: fix the file or set contentRoot to the content repository`,
        { cause: error },
      );
    }
  }
  return (submission, attachmentUrl) => {
    const file = recordFileOf(submission);
    const text = file
      ? typeof file.content === 'string'
        ? file.content
        : Buffer.from(file.content).toString('utf8')
      : '';
    const check =
      file && categories ? checkRecordText(text, file.path, { categories, lang }) : undefined;
    const awaited =
      check?.record && publisher
        ? approvalProblems(
            { source: check.source, record: check.record },
            publisher,
            'submission',
            lang,
          )
        : [];
    const verdict = check ? verdictOf([...check.problems, ...awaited]) : undefined;
    return {
      title: submission.title.replace(/\s+/g, ' ').trim().slice(0, 250),
      body: pullRequestBody(submission, {
        rows: recordRows(text, { lang, categories }),
        verdict,
        attachmentUrl,
        lang,
      }),
      labels: [...recordLabels(text), `kind:${submission.kind}`],
    };
  };
}
