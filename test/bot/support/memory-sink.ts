/** A SubmissionSink that keeps submissions in memory, for tests that check what the bot hands over. */
import type { Submission, SubmissionSink } from '../../../bot/forge/types.ts';

export class MemorySink implements SubmissionSink {
  readonly submissions: Submission[] = [];
  /** Makes the next submit fail, as a full disk or a Redis outage would. */
  failNext?: Error;

  async submit(submission: Submission): Promise<{ stored: true; receipt: string }> {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = undefined;
      throw error;
    }
    this.submissions.push(structuredClone(submission));
    return { stored: true, receipt: `memory:${submission.id}` };
  }

  async status(submissionId: string) {
    const found = this.submissions.some((s) => s.id === submissionId);
    return found
      ? {
          delivered: true,
          pullRequest: {
            submissionId,
            branch: `submission/${submissionId}`,
            url: `memory://pull/${submissionId}`,
          },
        }
      : { delivered: false };
  }

  /** The text of a submitted file. */
  text(submission: Submission, path: string): string {
    const file = submission.files.find((f) => f.path === path);
    if (!file)
      throw new Error(
        `submission ${submission.id} has no file ${path}: it has ${submission.files.map((f) => f.path).join(', ')}`,
      );
    return typeof file.content === 'string'
      ? file.content
      : Buffer.from(file.content).toString('utf8');
  }
}
