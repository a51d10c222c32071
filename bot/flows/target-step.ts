/**
 * The question "which entry?" of /objection and /repair: a credit code or a record id, looked up
 * among the entries public today (only what the public can see can be objected to).
 */
import { LIST_NAMES, type ListId } from '../../content/schema/index.ts';
import type { Choice, FormEnv, TextStep } from '../form/step.ts';
import { normaliseCode } from '../record/subject-steps.ts';
import type { ContentRepository, RecordRef } from '../record/repository.ts';

/** How a found entry is shown: list, name, id. */
export function refLabel(ref: RecordRef, env: FormEnv<unknown>): string {
  return `${LIST_NAMES[ref.list][env.lang]}：${ref.name}（${ref.id}）`;
}

/**
 * The target question. `accept` may refuse an entry that was found (e.g. no repair rules for its
 * category) with a reason; it runs inside `external` with the lookup.
 */
export function targetStep<D>(repo: ContentRepository, options: { lists?: ListId[]; accept?: (ref: RecordRef, env: FormEnv<D>) => string | undefined } = {}): TextStep<D> {
  return {
    key: 'target',
    input: 'text',
    raw: true,
    label: (env) => env.t('field-target'),
    help: (_a, env) => env.t('target-help'),
    display: (value, _a, env) => refLabel(value as RecordRef, env as FormEnv<unknown>),
    check: (text) => ({ ok: true, value: text.normalize('NFKC').trim() }),
    async resolve(value, _a, env) {
      const query = String(value);
      const found = query.startsWith('content/records/')
        ? repo.findPublic(repo.byFile(query)?.record.id ?? '', env.today, options.lists)
        : repo.findPublic(/^[0-9A-Za-z\s-]{18,24}$/.test(query) ? normaliseCode(query) : query, env.today, options.lists);
      if (!found.length) return { ok: false, what: env.t('target-not-found', { query: query.slice(0, 40) }), fix: env.t('target-not-found-fix') };
      if (found.length > 1) {
        return { ok: false, what: env.t('target-several', { count: found.length }), fix: env.t('target-several-fix'), options: found.map((r): Choice => ({ value: r.file, label: refLabel(r, env as FormEnv<unknown>) })) };
      }
      const refusal = options.accept?.(found[0]!, env);
      return refusal ? { ok: false, what: refusal, fix: env.t('target-refused-fix') } : { ok: true, value: found[0]! };
    },
  };
}
