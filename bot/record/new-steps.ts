/**
 * The questions of /new, generated from the record schema: one step per field of recordShape, in
 * the schema's order, except the fields the bot fills itself (DERIVED). Each step checks its
 * answer with the field's own schema; a few fields get a better way to answer (buttons from the
 * publisher's categories, the region proposed from the credit code, dates with a default).
 */
import {
  addDays,
  batchOf,
  batchRange,
  FACT_DATE_FIELDS,
  describeTexts,
  fieldDescription,
  fieldLabel,
  futureDateVars,
  KINDS_BY_LIST,
  KINDS_WITH_CODE,
  LISTS,
  latestPublicationEnd,
  recordShape,
  renderMessage,
  type AttachmentKind,
  type Categories,
  type IsoDate,
  type ListId,
  type Publisher,
  valueName,
} from '../../content/schema/index.ts';
import { schemaLeaves, isDateField, type Leaf } from '../form/schema-walk.ts';
import type { Answers, Choice, FormEnv, Step, TextStep } from '../form/step.ts';
import { checkLeaf, parseDateInput, personFieldIssues, subjectFieldIssues } from './field-check.ts';
import { codeStep, codeNeedsOverride, regionStep } from './subject-steps.ts';

/** What the /new questions need to know: the publisher's configuration and the submitter's unit. */
export interface NewRecordData {
  publisher: Publisher;
  categories: Categories;
  unit: { id: string; name: string; categories?: string[] };
}

type Env = FormEnv<NewRecordData>;

/**
 * Fields the bot does not ask: the id and batch from the answers, the unit from the allow-list, the
 * history and attachments' paths on Confirm; the approvals are the reviewers' to write when they
 * approve (002: 报送 → 审核 → 审定 → 发布), never the submitter's; a case write-up is editorial.
 */
export const DERIVED = [
  'id',
  'batch',
  'sample',
  'submitted.unit',
  'approvals',
  'history.*',
  'attachments.*',
  'case',
];

const isDerived = (path: string) =>
  DERIVED.some(
    (d) => path === d || (d.endsWith('.*') && path.startsWith(`${d}.`)) || path.startsWith(`${d}.`),
  );

/** The attachment kinds asked for on each list: a black-list entry should carry a typical-case report (002, 以案释法). */
export const NEW_ATTACHMENT_KINDS: Record<ListId, AttachmentKind[]> = {
  black: ['case-report', 'picture', 'decision'],
  red: ['picture', 'decision'],
  demo: ['picture', 'decision'],
};

const list = (a: Answers) => a.list as ListId | undefined;
const kind = (a: Answers) => a['subject.kind'] as string | undefined;

/** Categories of a list that the submitter's unit covers. */
export function unitCategories(env: Env, l: ListId) {
  const own = env.data.unit.categories;
  return env.data.categories[l].filter((c) => !own || own.includes(c.id));
}

/** When each field is asked, beyond the schema's structure (the record rules' conditions). */
const APPLIES: Record<string, (a: Answers, env: Env) => boolean> = {
  'subject.code': (a) => kind(a) !== 'individual',
  'subject.code_override.reason': (a) => codeNeedsOverride(a),
  'subject.code_override.accepted_by': (a) => codeNeedsOverride(a),
  'subject.id_number': (a) => kind(a) === 'individual',
  'subject.address': (a) => kind(a) !== 'individual',
  // 人社部令第45号 publishes the legal representative and responsible persons with a black-listed employer.
  'subject.persons': (a) => list(a) === 'black' && kind(a) !== 'individual',
  'publication.extension_basis': (a) =>
    typeof a['publication.start'] === 'string' &&
    typeof a['publication.end'] === 'string' &&
    (a['publication.end'] as string) > latestPublicationEnd(a['publication.start'] as string),
  demonstration: (a) => list(a) === 'demo',
};

const appliesFor = (path: string) => APPLIES[path] ?? APPLIES[path.split('.')[0]!];

/** A question for any field, from its leaf: buttons for enums and booleans, typed text otherwise. */
export function leafStep(leaf: Leaf, key = leaf.path.join('.')): Step<NewRecordData> {
  const path = leaf.path.join('.');
  const base = {
    key,
    // The leaf's own texts: a field of another shape (a test's) is named by its schema too.
    label: (env: Env) => leaf.texts?.label[env.lang] ?? fieldLabel(path, env.lang),
    help: (_a: Answers, env: Env) =>
      leaf.texts ? describeTexts(leaf.texts, env.lang) : leaf.description,
    optional: leaf.optional,
    ...(appliesFor(path) ? { applies: appliesFor(path) } : {}),
  };
  if (leaf.values) {
    return {
      ...base,
      input: 'choice',
      choices: (_a, env) =>
        leaf.values!.map((v) => ({ value: v, label: valueName(path, v, env.lang) })),
    };
  }
  if (leaf.type === 'boolean') {
    return {
      ...base,
      input: 'choice',
      choices: (_a, env) => [
        { value: 'true', label: env.t('yes') },
        { value: 'false', label: env.t('no') },
      ],
    };
  }
  const subjectField = /^subject\.([a-z_]+)$/.exec(path)?.[1];
  const date = isDateField(leaf);
  const factDate = (FACT_DATE_FIELDS as readonly string[]).includes(path);
  const step: TextStep<NewRecordData> = {
    ...base,
    input: 'text',
    raw: date,
    multiline: ['facts', 'legal_basis'].includes(path),
    check(text, answers, env) {
      const value = date ? parseDateInput(text) : text;
      const checked = checkLeaf(
        leaf,
        value,
        env.lang,
        subjectField ? (v) => subjectFieldIssues(answers, subjectField, v) : undefined,
      );
      // A fact's date (decision, submission) cannot lie after today: the validator's rule, asked here.
      const future =
        checked.ok && factDate
          ? futureDateVars(leaf.path[0]!, String(checked.value), env.today)
          : undefined;
      if (future) return { ok: false, ...renderMessage('date_in_future', future, env.lang) };
      return checked;
    },
  };
  return step;
}

/** The first day of the quarterly batch after the one a date falls in (每季一次统一发布). */
export function nextBatchStart(date: IsoDate): IsoDate {
  return addDays(batchRange(batchOf(date)).end, 1);
}

/** Date answers the user can press instead of typing, with the button's text. */
const DATE_SUGGESTIONS: Record<string, (a: Answers, env: Env) => Choice[]> = {
  'submitted.date': (_a, env) => [{ value: env.today, label: env.today }],
  // A proposed start: the approvals come later, so it is the earliest day the entry may go out —
  // the reviewers' 审定 moves it to the day of approval when that is later (review CLI) — or the
  // next quarterly batch.
  'publication.start': (a, env) => {
    const earliest = [env.today, a['submitted.date'] as string].filter(Boolean).sort().at(-1)!;
    const next = nextBatchStart(earliest);
    return [
      { value: earliest, label: earliest },
      { value: next, label: env.t('start-next-batch', { date: next, batch: batchOf(next) }) },
    ];
  },
  'publication.end': (a) =>
    typeof a['publication.start'] === 'string'
      ? [latestPublicationEnd(a['publication.start'])].map((d) => ({ value: d, label: d }))
      : [],
};

function withSuggestions(step: Step<NewRecordData>): Step<NewRecordData> {
  const suggest = DATE_SUGGESTIONS[step.key];
  if (!suggest || step.input !== 'text') return step;
  return {
    ...step,
    suggestions: (a, env) =>
      suggest(a, env).filter(
        (c, i, all) => c.value && all.findIndex((o) => o.value === c.value) === i,
      ),
  };
}

/** The /new steps, in the schema's order. */
export function newRecordSteps(): Step<NewRecordData>[] {
  const leaves = schemaLeaves(recordShape);
  const steps: Step<NewRecordData>[] = [];
  const byPath = new Map(leaves.map((l) => [l.path.join('.'), l]));
  const done = new Set<string>();
  for (const leaf of leaves) {
    const path = leaf.path.join('.');
    if (isDerived(path)) continue;
    if (path.startsWith('subject.persons.')) {
      if (!done.has('persons'))
        steps.push(
          personsStep(leaves.filter((l) => l.path.join('.').startsWith('subject.persons.'))),
        );
      done.add('persons');
    } else if (path === 'list') {
      steps.push({
        ...leafStep(leaf),
        input: 'choice',
        choices: (_a, env) =>
          LISTS.filter((l) => unitCategories(env, l).length).map((l) => ({
            value: l,
            label: valueName('list', l, env.lang),
          })),
      } as Step<NewRecordData>);
    } else if (path === 'subject.kind') {
      steps.push({
        ...leafStep(leaf),
        input: 'choice',
        choices: (a, env) =>
          (list(a) ? KINDS_BY_LIST[list(a)!] : []).map((k) => ({
            value: k,
            label: valueName(path, k, env.lang),
          })),
      } as Step<NewRecordData>);
    } else if (path === 'subject.code') {
      steps.push(
        codeStep(
          leafStep(leaf) as TextStep<NewRecordData>,
          (a) => !KINDS_WITH_CODE.includes(kind(a) as never),
        ),
      );
    } else if (path === 'subject.id_number' || path === 'publication.extension_basis') {
      // Optional in the schema, required whenever asked: an individual's masked ID; the basis for a longer period.
      steps.push({ ...leafStep(leaf), optional: false });
    } else if (path === 'region') {
      steps.push(regionStep(leafStep(leaf) as TextStep<NewRecordData>));
    } else if (path === 'category') {
      steps.push({
        ...leafStep(leaf),
        input: 'choice',
        choices: (a, env) =>
          (list(a) ? unitCategories(env, list(a)!) : []).map((c) => ({
            value: c.id,
            label: c.name[env.lang],
          })),
      } as Step<NewRecordData>);
    } else {
      steps.push(withSuggestions(leafStep(leaf)));
    }
  }
  // Attachments last but one: files are sent after everything else is known.
  const source = steps.findIndex((s) => s.key === 'source_url');
  steps.splice(
    source < 0 ? steps.length : source,
    0,
    ...filesSteps(byPath.get('attachments.*.kind')),
  );
  return steps;
}

function personsStep(personLeaves: Leaf[]): Step<NewRecordData> {
  const item = personLeaves.map((leaf) => {
    const step = leafStep(leaf, String(leaf.path.at(-1)));
    if (step.input !== 'text') return step;
    const field = String(leaf.path.at(-1));
    return {
      ...step,
      check: (text: string, person: Answers, env: Env) =>
        checkLeaf(leaf, text, env.lang, (v) => personFieldIssues(person, field, v)),
    };
  });
  return {
    key: 'subject.persons',
    input: 'repeat',
    max: 10,
    optional: true,
    applies: APPLIES['subject.persons'],
    label: (env) => fieldLabel('subject.persons', env.lang),
    help: (_a, env) => fieldDescription('subject.persons', env.lang),
    item,
    itemLine: (p, env) =>
      `${valueName('subject.persons.*.role', p.role, env.lang)} ${p.name}${p.id_number ? ` ${p.id_number}` : ''}`,
  };
}

function filesSteps(kindLeaf: Leaf | undefined): Step<NewRecordData>[] {
  const kinds = [...new Set(Object.values(NEW_ATTACHMENT_KINDS).flat())];
  return kinds.map((k): Step<NewRecordData> => ({
    key: `attachments.${k}`,
    input: 'files',
    kind: k,
    max: 10,
    optional: true,
    applies: (a) => !!list(a) && NEW_ATTACHMENT_KINDS[list(a)!].includes(k),
    label: (env) => valueName('attachments.*.kind', k, env.lang),
    help: (_a, env) => env.t(`files-help-${k}`, { field: kindLeaf?.description ?? '' }),
  }));
}
