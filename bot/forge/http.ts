/**
 * fetch with a timeout per request and retries for what is worth retrying: network errors,
 * timeouts, 5xx, and 429 after the server's retry-after. Used by forge clients that have no retry
 * of their own (gitea-js). Retrying a write is safe here because every forge write is answered
 * with "already exists" when it was done before.
 */

/** Options of resilientFetch. */
export interface ResilientFetchOptions {
  timeoutMs?: number;
  retries?: number;
  /** Unit of the waits between retries, ms (default 1000; tests make it small). */
  baseDelayMs?: number;
  /** Longest wait honoured from a retry-after header, seconds (default 120). */
  maxRetryAfter?: number;
  fetch?: typeof fetch;
  log?: (message: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fetch that times out, and retries transient failures. */
export function resilientFetch(options: ResilientFetchOptions = {}): typeof fetch {
  const inner = options.fetch ?? globalThis.fetch;
  const retries = options.retries ?? 3;
  const unit = options.baseDelayMs ?? 1000;
  const log = options.log ?? (() => undefined);
  return async (input, init) => {
    for (let attempt = 0; ; attempt++) {
      const signal = AbortSignal.timeout(options.timeoutMs ?? 30_000);
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await inner(input, {
          ...init,
          signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal,
        });
      } catch (error) {
        failure = error;
      }
      const transient =
        failure !== undefined || response!.status === 429 || response!.status >= 500;
      if (!transient || attempt >= retries) {
        if (failure !== undefined)
          throw new Error(
            `request to ${String(input instanceof Request ? input.url : input)} failed after ${attempt + 1} attempt(s)`,
            { cause: failure },
          );
        return response!;
      }
      const retryAfter = Number(response?.headers.get('retry-after'));
      const wait =
        response?.status === 429 && retryAfter > 0
          ? Math.min(retryAfter, options.maxRetryAfter ?? 120) * unit
          : unit * 2 ** attempt;
      log(
        `${init?.method ?? 'GET'} ${String(input instanceof Request ? input.url : input)}: ${failure ? 'no answer' : `HTTP ${response!.status}`}, retrying in ${wait} ms`,
      );
      await response?.body?.cancel().catch(() => undefined);
      await sleep(wait);
    }
  };
}
