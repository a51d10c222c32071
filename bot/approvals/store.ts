/**
 * What the chat approvals remember between updates, in the bot's own storage (the sessions'
 * adapter under its own key prefix, so memory, SQLite and Redis all work): who submitted each
 * submission (a submitter may not approve their own), and a reviewer's pending 退回 awaiting its
 * comment.
 */
import type { StorageAdapter } from 'grammy';
import type { BotStorage } from '../storage/index.ts';

/** The submitter of a submission, as the outbox's delivery notice named them. */
export interface RequestRecord {
  submitterUserId?: number;
  submitterChatId?: number;
  title: string;
  /** The reviewers (chat ids) already sent the request of each role. */
  asked?: Partial<Record<'review' | 'approve', number[]>>;
}

/** A 退回 pressed and waiting for the reviewer's comment. */
export interface PendingRejection {
  submissionId: string;
  role: 'review' | 'approve';
  /** ISO time of the press; an old pending rejection is dropped. */
  at: string;
}

/** The approvals' key-value store. */
export interface ApprovalStore {
  request(submissionId: string): Promise<RequestRecord | undefined>;
  saveRequest(submissionId: string, record: RequestRecord): Promise<void>;
  pending(userId: number): Promise<PendingRejection | undefined>;
  setPending(userId: number, pending: PendingRejection | undefined): Promise<void>;
}

const PREFIX = 'honghei:approval:';

/** The store on the bot's storage. */
export function approvalStore(storage: Pick<BotStorage, 'sessions'>): ApprovalStore {
  const kv = storage.sessions as unknown as StorageAdapter<unknown>;
  const read = async <T>(key: string) => (await kv.read(`${PREFIX}${key}`)) as T | undefined;
  return {
    request: (id) => read<RequestRecord>(`request:${id}`),
    saveRequest: async (id, record) => void (await kv.write(`${PREFIX}request:${id}`, record)),
    pending: (userId) => read<PendingRejection>(`reject:${userId}`),
    setPending: async (userId, pending) =>
      void (await (pending
        ? kv.write(`${PREFIX}reject:${userId}`, pending)
        : kv.delete(`${PREFIX}reject:${userId}`))),
  };
}
