/**
 * The GitHub emulator's operations for the chat approvals (bot/forge/github/review.ts): the pull
 * request's commits and files, blobs and commits read back, a branch moved without force (refused
 * unless it fast-forwards), and the merge, which a protected base refuses with GitHub's 405 while
 * the pull request has fewer approving reviews than `requiredReviews`.
 */
import type { GitHubEmulator } from './github.ts';

export const GITHUB_REVIEW_OPERATIONS = [
  'pulls/list-commits',
  'pulls/list-files',
  'git/get-blob',
  'git/get-commit',
  'git/update-ref',
  'pulls/merge',
] as const;

type Answer = { status: number; body: unknown };

/** The commits of head not reachable from base, oldest first. */
function branchCommits(e: GitHubEmulator, base: string, head: string): string[] {
  const reachable = new Set<string>();
  const walk = [base];
  while (walk.length) {
    const sha = walk.pop()!;
    if (reachable.has(sha)) continue;
    reachable.add(sha);
    walk.push(...(e.commits.get(sha)?.parents ?? []));
  }
  const out: string[] = [];
  for (let sha: string | undefined = head; sha && !reachable.has(sha);) {
    out.unshift(sha);
    sha = e.commits.get(sha)!.parents[0];
  }
  return out;
}

/** Answers a review operation, or undefined when op is not one. */
export function operateReview(
  e: GitHubEmulator,
  op: string,
  params: Record<string, string>,
  body: Record<string, unknown>,
): Answer | undefined {
  const pull = () => e.pulls.find((p) => p.number === Number(params.pull_number));
  switch (op) {
    case 'pulls/list-commits': {
      const p = pull();
      if (!p) return { status: 404, body: { message: 'Not Found' } };
      const json = e.example(op, '200');
      const inner = json.commit as Record<string, unknown>;
      return {
        status: 200,
        body: branchCommits(e, e.refs.get(p.base)!, e.refs.get(p.head)!).map((sha) => ({
          ...json,
          sha,
          node_id: sha,
          commit: {
            ...inner,
            message: e.commits.get(sha)!.message,
            tree: { ...(inner.tree as object), sha: e.commits.get(sha)!.tree },
          },
          parents: e.commits.get(sha)!.parents.map((s) => ({ sha: s, url: `${e.url}/c/${s}` })),
        })),
      };
    }
    case 'pulls/list-files': {
      const p = pull();
      if (!p) return { status: 404, body: { message: 'Not Found' } };
      const tree = (branch: string) => e.trees.get(e.commits.get(e.refs.get(branch)!)!.tree)!;
      const [base, head] = [tree(p.base), tree(p.head)];
      const json = e.example(op, '200');
      const changed = [...head].filter(([path, sha]) => base.get(path) !== sha);
      return {
        status: 200,
        body: changed.map(([filename, sha]) => ({
          ...json,
          sha,
          filename,
          status: base.has(filename) ? 'modified' : 'added',
        })),
      };
    }
    case 'git/get-blob': {
      const bytes = e.blobs.get(params.file_sha!);
      if (!bytes) return { status: 404, body: { message: 'Not Found' } };
      const json = e.example(op, '200');
      return {
        status: 200,
        body: {
          ...json,
          sha: params.file_sha,
          size: bytes.length,
          content: bytes.toString('base64'),
        },
      };
    }
    case 'git/get-commit': {
      const c = e.commits.get(params.commit_sha!);
      if (!c) return { status: 404, body: { message: 'Not Found' } };
      const json = e.example(op, '200');
      return {
        status: 200,
        body: {
          ...json,
          sha: params.commit_sha,
          message: c.message,
          tree: { ...(json.tree as object), sha: c.tree },
          parents: c.parents.map((s) => ({
            sha: s,
            url: `${e.url}/c/${s}`,
            html_url: `${e.url}/c/${s}`,
          })),
        },
      };
    }
    case 'git/update-ref': {
      const name = decodeURIComponent(params.ref!).replace(/^(refs\/)?heads\//, '');
      const now = e.refs.get(name);
      const next = e.commits.get(body.sha as string);
      if (!now || !next) return { status: 422, body: { message: 'Reference does not exist' } };
      if (!body.force && !next.parents.includes(now))
        return { status: 422, body: { message: 'Update is not a fast forward' } };
      e.refs.set(name, body.sha as string);
      const json = e.example(op, '200');
      return {
        status: 200,
        body: {
          ...json,
          ref: `refs/heads/${name}`,
          object: { ...(json.object as object), sha: body.sha },
        },
      };
    }
    case 'pulls/merge': {
      const p = pull();
      if (!p) return { status: 404, body: { message: 'Not Found' } };
      if (p.state !== 'open')
        return { status: 405, body: { message: 'Pull Request is not mergeable' } };
      if (body.sha && body.sha !== e.refs.get(p.head))
        return {
          status: 409,
          body: { message: 'Head branch was modified. Review and try the merge again.' },
        };
      const approving = (e.reviews.get(p.number) ?? []).filter((r) => r.state === 'APPROVED');
      if (approving.length < e.requiredReviews)
        return {
          status: 405,
          body: {
            message: `At least ${e.requiredReviews} approving review${e.requiredReviews > 1 ? 's are' : ' is'} required by reviewers with write access.`,
            documentation_url: 'https://docs.github.com/articles/about-protected-branches',
          },
        };
      const message = [body.commit_title ?? `Merge pull request #${p.number}`, body.commit_message]
        .filter(Boolean)
        .join('\n\n');
      const sha = e.merge(p.number, message as string);
      return {
        status: 200,
        body: { sha, merged: true, message: 'Pull Request successfully merged' },
      };
    }
    default:
      return undefined;
  }
}
