/**
 * What the bot's flows use from the outside world, passed to createBot as one object so tests,
 * console mode and the benchmark can swap any of it.
 */
import type { IsoDate } from '../content/schema/index.ts';
import type { AdminAlerts } from './admin-alerts.ts';
import type { ChatApprovals } from './approvals/service.ts';
import type { FileService } from './files.ts';
import type { SubmissionSink } from './forge/types.ts';
import type { PrivateFiles } from './private-files/config.ts';
import type { ContentRepository } from './record/repository.ts';
import type { Submitters } from './submitters.ts';

/**
 * The bot's one logger (bot/run/log.ts writes it for a terminal or journald): one line per event,
 * secrets redacted (see redactor in config.ts). warn and debug are optional so a test's logger
 * may leave them out.
 */
export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
  warn?(message: string, error?: unknown): void;
  debug?(message: string): void;
}

/** The outside world of the bot's flows. */
export interface BotServices {
  repo: ContentRepository;
  sink: SubmissionSink;
  files: FileService;
  /** The private store of non-public attachments and its link signer (docs/private-files.md). */
  privateFiles: PrivateFiles;
  submitters: Submitters;
  /** Today in China (UTC+8), or HONGHEI_DATE. */
  today(): IsoDate;
  /** Random lower-case letters and digits, for ids and button nonces. */
  randomId(length: number): string;
  /** The ISO time of a confirmation. */
  now(): string;
  log: Logger;
  /** The administrators' alerts (admin-alerts.ts); absent in tests that do not need them. */
  alerts?: AdminAlerts;
  /** 审核 and 审定 in chat (approvals/service.ts); absent where the reviewers are not in chat. */
  approvals?: ChatApprovals;
}
