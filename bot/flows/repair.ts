/**
 * /repair (信用修复): a listed subject applies for the early removal of a black-list entry. What
 * it must show comes from its category's `repair` block in content/categories.yaml (for wage
 * arrears: paid in full, 6 months since, a written pledge — 人社部令第45号). The submission adds
 * a "repair applied for" event to the entry's history; the responsible unit reviews it.
 */
import {
  addDays,
  isIsoDate,
  statusOn,
  type Category,
  type IsoDate,
  valueName,
} from '../../content/schema/index.ts';
import type { FormContext, FormConversation } from '../context.ts';
import type { Answers, FormEnv, Refusal, Step, TextStep } from '../form/step.ts';
import { amendRecord } from '../record/amend.ts';
import { checkLeaf, parseDateInput } from '../record/field-check.ts';
import type { ContentRepository, RecordRef } from '../record/repository.ts';
import { startForm, submittedText, type FlowKit } from './common.ts';
import { reviewAndSubmit } from './submit.ts';
import { noteLeaf } from './objection.ts';
import { evidenceStep } from './evidence-step.ts';
import { presetTarget, targetStep } from './target-step.ts';

/** The conversation id of /repair. */
export const REPAIR = 'repair';

/** Adds whole months, keeping the day where the month has it (08-31 + 6 months → 02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

type Env = FormEnv<null>;

/** The most conditions any category lists: one question each. */
const maxRequirements = (repo: ContentRepository) =>
  Math.max(0, ...repo.categories.black.map((c) => c.repair?.requirements.length ?? 0));

/**
 * The answer "not met yet": the application cannot succeed, so the person is told at once which
 * condition, from when an application can succeed (the category's waiting period counted from
 * today, when the condition is part of the correction), and how to change the answer or stop.
 */
function unmet(condition: string, months: number, env: Env): Refusal {
  const when =
    months > 0
      ? env.t('repair-unmet-when-wait', { months, earliest: addMonths(env.today, months) })
      : env.t('repair-unmet-when');
  return {
    ok: false,
    what: env.t('repair-unmet-now', { condition }),
    fix: `${when}\n${env.t('repair-unmet-moves')}`,
  };
}

/** The repair steps; the conditions are read from the chosen entry's category. */
function repairSteps(repo: ContentRepository): Step<null>[] {
  const categoryOf = (a: Answers): Category | undefined =>
    repo.categories.black.find((c) => c.id === (a.target as RecordRef | undefined)?.category);
  const repairOf = (a: Answers) => categoryOf(a)?.repair;
  const note = noteLeaf();
  const conditions = Array.from({ length: maxRequirements(repo) }, (_, i): Step<null> => ({
    key: `condition.${i}`,
    input: 'choice',
    applies: (a) => i < (repairOf(a)?.requirements.length ?? 0),
    label: (env) => env.t('repair-condition', { n: i + 1 }),
    help: (a) => repairOf(a)?.requirements[i],
    choices: (a, env) => [
      {
        value: 'yes',
        label: env.t('repair-condition-met', { condition: repairOf(a)?.requirements[i] ?? '' }),
      },
      { value: 'no', label: env.t('repair-condition-unmet') },
    ],
    refuse: (value, a, env) =>
      value === 'no'
        ? unmet(repairOf(a)?.requirements[i] ?? '', repairOf(a)?.months_after_correction ?? 0, env)
        : undefined,
  }));
  return [
    targetStep<null>(repo, {
      purpose: 'repair',
      lists: ['black'],
      accept: (ref, env) => {
        const category = repo.categories.black.find((c) => c.id === ref.category);
        if (!category?.repair)
          return env.t('repair-not-configured', {
            category: category?.name[env.lang] ?? ref.category,
          });
        const loaded = repo.byFile(ref.file);
        if (loaded && statusOn(loaded.record, env.today) === 'repair-applied')
          return env.t('repair-already', { id: ref.id });
        return undefined;
      },
    }),
    {
      key: 'corrected',
      input: 'text',
      raw: true,
      label: (env) => env.t('repair-corrected'),
      help: (a, env) =>
        env.t('repair-corrected-help', { months: repairOf(a)?.months_after_correction ?? 0 }),
      check(text, a, env: Env) {
        const date = parseDateInput(text);
        if (!isIsoDate(date))
          return {
            ok: false,
            what: env.t('date-invalid', { value: text.slice(0, 40) }),
            fix: env.t('date-invalid-fix'),
          };
        if (date > env.today)
          return { ok: false, what: env.t('date-future', { date }), fix: env.t('date-future-fix') };
        const months = repairOf(a)?.months_after_correction ?? 0;
        const earliest = addMonths(date, months);
        if (earliest > env.today)
          return {
            ok: false,
            what: env.t('repair-too-early', { months, date, earliest }),
            fix: env.t('repair-too-early-fix', { earliest: addDays(earliest, 0) }),
          };
        return { ok: true, value: date };
      },
    },
    ...conditions,
    {
      key: 'attachments.pledge',
      input: 'files',
      kind: 'pledge',
      max: 3,
      applies: (a) => !!repairOf(a)?.requires_pledge,
      label: (env) => valueName('attachments.*.kind', 'pledge', env.lang),
      help: (_a, env) => env.t('files-help-pledge'),
    },
    evidenceStep((env) => env.t('repair-evidence')),
    {
      key: 'statement',
      input: 'text',
      multiline: true,
      label: (env) => env.t('repair-statement'),
      help: () => note.description,
      check: (text, _a, env) => checkLeaf(note, text, env.lang),
    },
  ];
}

/** The /repair conversation. */
export function repairConversation(kit: FlowKit) {
  const { repo } = kit.services;
  const steps = repairSteps(repo);
  return async function repair(
    conversation: FormConversation,
    ctx: FormContext,
    /** The entry a deep link named (`/start repair-<id>`, the site's black-list entry pages). */
    preset?: string,
  ): Promise<void> {
    const { io, env } = await startForm(conversation, ctx, kit, null);
    const { t } = env;
    const suffix = await conversation.external(() => kit.services.randomId(4));
    const amend = (a: Answers) => {
      // The record is published in Chinese whatever the applicant's language.
      const noteText = `申请信用修复：整改完成日期 ${String(a.corrected)}。${String(a.statement)}`;
      return amendRecord(
        repo.root,
        a.target as RecordRef,
        { status: 'repair-applied', date: env.today, note: noteText },
        a,
        `repair-${suffix}`,
      );
    };
    await io.say(t('repair-intro'));
    const start = await presetTarget(io, steps[0] as TextStep<null>, preset, env);
    await reviewAndSubmit(conversation, io, kit, {
      ...(start ? { start } : {}),
      title: t('repair-title'),
      steps,
      env,
      candidate: (a) => ({ ...amend(a), date: env.today }),
      confirm: async (answers) => {
        const target = answers.target as RecordRef;
        const amended = await conversation.external(() => amend(answers));
        return {
          draft: {
            id: `${target.id}-repair-${suffix}`,
            kind: 'repair',
            recordId: target.id,
            recordFile: amended.file,
            yaml: amended.yaml,
            attachments: amended.attachments,
            submitter: { chatId: ctx.chatId, userId: ctx.from?.id, language: env.lang },
            title: `信用修复申请：${target.name}（${target.id}）`,
            notes: [
              '申请人已逐项确认 content/categories.yaml 中该类别的信用修复条件；请责任单位核实后决定是否提前移出。',
            ],
          },
          done: (submitted) => io.say(`${t('repair-received')}\n${submittedText(t, submitted)}`),
        };
      },
      failed: (error) => t('submit-failed', { error }),
    });
  };
}
