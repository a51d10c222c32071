/**
 * What the hosted forges (github/forge.ts, gitea.ts, gitlab.ts) do alike over their different
 * clients: a submission's pull (merge) request is the one from its branch to the base, looked up
 * the same way to find it, to read its state and to resume a delivery an interruption cut short.
 */
import { assertSubmissionId, branchFor, type OpenOptions, type PullRequestRef } from './types.ts';

/** The shared part of a hosted forge; `P` is its client's pull request type. */
export abstract class HostedForge<P> {
  /** The pull request of a submission's branch, or undefined when there is none. */
  protected abstract pullFor(submissionId: string): Promise<P | undefined>;

  /** The reference of a submission's pull request. */
  protected abstract refOf(pull: P, submissionId: string): PullRequestRef;

  /** The pull request of a submission, if one was opened. */
  async find(submissionId: string): Promise<PullRequestRef | undefined> {
    const pull = await this.pullOf(submissionId);
    return pull && this.refOf(pull, submissionId);
  }

  /** The pull request of a submission, after checking its id. */
  protected pullOf(submissionId: string): Promise<P | undefined> {
    assertSubmissionId(submissionId);
    return this.pullFor(submissionId);
  }

  /**
   * The start of openPullRequest: the checked id's branch and, on a resumed delivery, the pull
   * request the interrupted attempt may already have opened.
   */
  protected async opening(
    submissionId: string,
    options: OpenOptions,
  ): Promise<{ branch: string; found?: P }> {
    assertSubmissionId(submissionId);
    const found = options.resumed ? await this.pullFor(submissionId) : undefined;
    return { branch: branchFor(submissionId), ...(found ? { found } : {}) };
  }
}
