/**
 * Graceful shutdown on SIGTERM (systemd stop) and SIGINT (Ctrl-C): the steps run in order —
 * stop taking updates and finish the one in flight, let the outbox finish the delivery it has
 * begun, close the storage — and the process exits 0. The whole is bounded: past the deadline the
 * process exits anyway (0: nothing is lost, a delivery cut off stays in the durable outbox and the
 * forge finishes it on the next start, since every forge call is safe to repeat). A second signal
 * exits at once with 1. systemd's TimeoutStopSec (bot/deploy/honghei-bot.service) is set above
 * the deadline so systemd never has to SIGKILL a bot that is still finishing.
 */
import type { Logger } from '../services.ts';

/** One step of the shutdown; `deadline` is in ms since the epoch. */
export interface ShutdownStep {
  name: string;
  run(deadline: number): Promise<unknown>;
}

/** Options of installShutdown. */
export interface ShutdownOptions {
  steps: ShutdownStep[];
  timeoutMs: number;
  log: Logger;
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

/** The shutdown, installed on the signals; `stop` runs it without one (console /quit, tests). */
export interface Shutdown {
  stopping(): boolean;
  stop(reason: string): Promise<void>;
}

/** Installs the signal handlers. */
export function installShutdown(o: ShutdownOptions): Shutdown {
  const exit = o.exit ?? ((code: number) => process.exit(code));
  const signals = o.signals ?? ['SIGTERM', 'SIGINT'];
  let running: Promise<void> | undefined;
  const run = async (reason: string) => {
    const started = Date.now();
    const deadline = started + o.timeoutMs;
    o.log.info(`${reason}: shutting down (at most ${o.timeoutMs / 1000} s)`);
    let current = '';
    const timer = setTimeout(() => {
      o.log.warn?.(
        `shutdown: still at "${current}" after ${o.timeoutMs / 1000} s; exiting now — submissions not yet delivered stay in the outbox and are delivered after the next start`,
      );
      exit(0);
    }, o.timeoutMs + 500);
    timer.unref();
    for (const step of o.steps) {
      current = step.name;
      try {
        await step.run(deadline);
      } catch (error) {
        o.log.error(`shutdown: ${step.name} failed`, error);
      }
    }
    clearTimeout(timer);
    o.log.info(`stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    exit(0);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (running) {
      o.log.warn?.(`${signal} again: exiting at once`);
      exit(1);
      return;
    }
    running = run(signal);
  };
  for (const s of signals) process.on(s, onSignal);
  return {
    stopping: () => Boolean(running),
    stop: (reason) => (running ??= run(reason)),
  };
}
