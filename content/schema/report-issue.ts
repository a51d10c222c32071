/** How the schema's own rules add an issue: catalogue text, with the key kept for re-rendering. */
import type { z } from 'zod';
import { renderMessage, type MessageKey } from './messages.ts';

/** Context of a refinement: where issues are added. */
export type Ctx = z.core.$RefinementCtx;

/**
 * Adds an issue whose text comes from the message catalogue. The message is Chinese; params keep
 * the key and the variables so the validator can render it again in the reader's language.
 */
export function report(
  ctx: Ctx,
  path: PropertyKey[],
  key: MessageKey,
  vars: Record<string, string | number> = {},
) {
  const { what, fix } = renderMessage(key, vars, 'zh');
  ctx.addIssue({ code: 'custom', path, message: `${what} — ${fix}`, params: { key, vars } });
}
