/**
 * The question "which entry?" of /objection and /repair: a credit code or a record id, looked up
 * among the entries public today (only what the public can see can be objected to). When no
 * public entry of the flow's lists matches, the person is told the true reason: the entry is on
 * another list, its publication has not started, it has ended, or it was withdrawn.
 */
import {
  LIST_NAMES,
  STATUS_NAMES,
  visibilityOn,
  type ListId,
  type LoadedRecord,
} from '../../content/schema/index.ts';
import type { FormIO } from '../form/io.ts';
import type { Answers, Choice, FormEnv, Refusal, TextStep } from '../form/step.ts';
import { normaliseCode } from '../record/subject-steps.ts';
import type { ContentRepository, RecordRef } from '../record/repository.ts';

/** How a found entry is shown: list, name, id. */
export function refLabel(ref: RecordRef, env: FormEnv<unknown>): string {
  return `${LIST_NAMES[ref.list][env.lang]}：${ref.name}（${ref.id}）`;
}

/** What the flow does with the entry, for the messages: `target-<purpose>-…` texts. */
export type TargetPurpose = 'objection' | 'repair';

interface TargetOptions<D> {
  purpose: TargetPurpose;
  lists?: ListId[];
  /** May refuse an entry that was found (e.g. no repair rules for its category) with a reason; runs inside `external`. */
  accept?: (ref: RecordRef, env: FormEnv<D>) => string | undefined;
}

/** The query as an id or a credit code (people type codes with spaces, hyphens, full-width characters). */
const keyOf = (query: string) =>
  /^[0-9A-Za-z\s-]{18,24}$/.test(query) ? normaliseCode(query) : query;

/**
 * Why no public entry of the flow's lists matches, when an entry does match: the most useful
 * reason of all the matches (a public entry on another list first, then one not yet public,
 * then one that ended or was withdrawn).
 */
function whyNotFound<D>(
  matches: LoadedRecord[],
  options: TargetOptions<D>,
  env: FormEnv<D>,
  publisher: string,
): Refusal | undefined {
  const { t, lang, today } = env;
  const lists = options.lists?.map((l) => LIST_NAMES[l][lang]).join('、') ?? '';
  const seen = matches.map((m) => ({ m, v: visibilityOn(m.record, today) }));
  const other = seen.find(
    ({ m, v }) => v.public && options.lists && !options.lists.includes(m.record.list),
  );
  if (other) {
    const { record: r } = other.m;
    return {
      ok: false,
      what: t('target-wrong-list', {
        list: LIST_NAMES[r.list][lang],
        name: r.subject.name,
        id: r.id,
        lists,
      }),
      fix: t(`target-${options.purpose}-wrong-list-fix`, { publisher }),
    };
  }
  const order = ['not-yet', 'ended', 'status'] as const;
  for (const reason of order) {
    const hit = seen.find(({ v }) => !v.public && v.reason === reason);
    if (!hit) continue;
    const { record: r } = hit.m;
    const status = hit.v.status ? STATUS_NAMES[hit.v.status][lang] : '';
    // Not yet published: its name is not public yet, so it is not repeated.
    const vars = {
      id: r.id,
      name: r.subject.name,
      start: r.publication.start,
      end: r.publication.end,
      status,
      publisher,
    };
    return {
      ok: false,
      what: t(`target-${reason}`, vars),
      fix: t(`target-${options.purpose}-${reason}-fix`, vars),
    };
  }
  return undefined;
}

/** The target question. */
export function targetStep<D>(repo: ContentRepository, options: TargetOptions<D>): TextStep<D> {
  return {
    key: 'target',
    input: 'text',
    raw: true,
    label: (env) => env.t('target-question'),
    help: (_a, env) => env.t('target-help'),
    display: (value, _a, env) => refLabel(value as RecordRef, env as FormEnv<unknown>),
    check: (text) => ({ ok: true, value: text.normalize('NFKC').trim() }),
    async resolve(value, _a, env) {
      const query = String(value);
      const byFile = query.startsWith('content/records/') ? repo.byFile(query) : undefined;
      const key = byFile ? byFile.record.id : keyOf(query);
      const found = repo.findPublic(key, env.today, options.lists);
      if (!found.length) {
        const q = key.normalize('NFKC').replace(/\s+/g, '');
        const matches = repo
          .records()
          .filter(
            ({ record: r }) => r.id === q.toLowerCase() || r.subject.code === q.toUpperCase(),
          );
        return (
          whyNotFound(matches, options, env, repo.publisher.name) ?? {
            ok: false,
            what: env.t('target-not-found', { query: query.slice(0, 40) }),
            fix: env.t('target-not-found-fix'),
          }
        );
      }
      if (found.length > 1) {
        return {
          ok: false,
          what: env.t('target-several', { count: found.length }),
          fix: env.t('target-several-fix'),
          options: found.map((r): Choice => ({
            value: r.file,
            label: refLabel(r, env as FormEnv<unknown>),
          })),
        };
      }
      const refusal = options.accept?.(found[0]!, env);
      return refusal
        ? { ok: false, what: refusal, fix: env.t('target-refused-fix') }
        : { ok: true, value: found[0]! };
    },
  };
}

/**
 * The entry a deep link named (`/start objection-<id>`: the site's entry pages, the web chat):
 * looked up as if typed; found, the form starts after the target question (Back still reaches
 * it); refused, the reason is said and the form asks as usual.
 */
export async function presetTarget<D>(
  io: FormIO,
  step: TextStep<D>,
  preset: unknown,
  env: FormEnv<D>,
): Promise<{ answers: Answers; at: number } | undefined> {
  if (typeof preset !== 'string' || !preset) return undefined;
  const found = await io.external(() => step.resolve!(preset, {}, env));
  if (!found.ok) {
    await io.say(`⚠️ ${found.what}\n${found.fix}`);
    return undefined;
  }
  await io.say(refLabel(found.value as RecordRef, env as FormEnv<unknown>));
  return { answers: { [step.key]: found.value }, at: 1 };
}
