/**
 * The Octokit client the GitHub forge uses: REST methods, the throttling plugin (serial writes,
 * waits on primary and secondary rate limits as GitHub's best practices ask), the retry plugin
 * (5xx and network errors), a per-request timeout, and GitHub App authentication (preferred:
 * the bot's own identity and installation tokens refreshed by @octokit/auth-app) or a
 * fine-grained token.
 */
import { createAppAuth } from '@octokit/auth-app';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

/** The Octokit class with the plugins the forge relies on. */
export const ForgeOctokit = Octokit.plugin(throttling, retry);
export type ForgeOctokitClient = InstanceType<typeof ForgeOctokit>;

/** GitHub App credentials, or a fine-grained personal access token. */
export type GitHubAuth =
  | { appId: string | number; privateKey: string; installationId: string | number }
  | { token: string };

/** Options of the client. */
export interface GitHubClientOptions {
  auth: GitHubAuth;
  /** API root (default https://api.github.com). */
  baseUrl?: string;
  /** Abort a request after this many ms (default 30 s); a timeout is retried like a 5xx. */
  timeoutMs?: number;
  /** How many times to wait and retry on rate limits and on 5xx (default 3). */
  retries?: number;
  /** Overrides for tests: the fetch used, and the throttling plugin's options (e.g. shorter waits). */
  fetch?: typeof fetch;
  throttle?: Partial<ThrottlingOptions>;
  retryAfterBaseValue?: number;
  log?: (message: string) => void;
}

/** Wraps fetch with a timeout per request. */
function withTimeout(inner: typeof fetch, ms: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return inner(input, { ...init, signal });
  };
}

/** Builds the client. */
export function createGitHubClient(options: GitHubClientOptions): ForgeOctokitClient {
  const retries = options.retries ?? 3;
  const log = options.log ?? ((m) => console.error(m));
  const limit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      log(
        `github: ${kind} rate limit on ${request.method} ${request.url}; ${retryCount < retries ? `retrying after ${retryAfter} s` : 'giving up, the outbox will try again later'}`,
      );
      return retryCount < retries;
    };
  const auth =
    'token' in options.auth
      ? { auth: options.auth.token }
      : {
          authStrategy: createAppAuth,
          auth: {
            appId: Number(options.auth.appId),
            privateKey: options.auth.privateKey,
            installationId: Number(options.auth.installationId),
          },
        };
  return new ForgeOctokit({
    ...auth,
    baseUrl: options.baseUrl ?? 'https://api.github.com',
    userAgent: 'honghei-forge',
    request: { fetch: withTimeout(options.fetch ?? globalThis.fetch, options.timeoutMs ?? 30_000) },
    throttle: {
      onRateLimit: limit('primary'),
      onSecondaryRateLimit: limit('secondary'),
      ...options.throttle,
    } as ThrottlingOptions,
    retry: {
      retries,
      ...(options.retryAfterBaseValue !== undefined
        ? { retryAfterBaseValue: options.retryAfterBaseValue }
        : {}),
    },
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (m: string) => log(`github: ${m}`),
      error: (m: string) => log(`github: ${m}`),
    },
  });
}
