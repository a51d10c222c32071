/**
 * Synthetic records for scale tests and benchmarks: valid, unique, deterministic. Record i depends
 * only on the seed and i (see random.ts), so `count: N + 1` extends `count: N` by one record.
 * The mix follows the sample content: three lists, every category and subject kind, statuses
 * from listed to removed, batches over several years, and entries not public on the reference date.
 */
import {
  addDays,
  addYears,
  batchOf,
  batchRange,
  defaultContentRoot,
  divisionsUnder,
  isPublicOn,
  loadCategories,
  loadPublisher,
  USCC_ALPHABET,
  type Categories,
  type HongheiRecord,
  type IsoDate,
  type ListId,
  type Publisher,
  type SubjectKind,
} from '../../content/schema/index.ts';
import { historyFor } from './generate-history.ts';
import {
  enterpriseName,
  industryName,
  institutionName,
  maskedId,
  maskedPerson,
  parkName,
  registeredName,
  townshipName,
  tradeName,
} from './generate-names.ts';
import { codeFor, codeOffsetFor, pickCodeKind } from './generate-codes.ts';
import { textsFor } from './generate-texts.ts';
import { randomFor, type Random } from '../../content/schema/random.ts';
import { recordToYaml } from '../../content/schema/record-yaml.ts';

/** What the generator needs to know; only count and seed are required. */
export interface GenerateOptions {
  count: number;
  seed: number;
  /** Index of the first record (default 0), to generate a slice of a larger set. */
  from?: number;
  /** No history event is dated after this day (default 2026-11-21, the test suite's date). */
  today?: IsoDate;
  /** The batches records fall in, first and last (default 2024-Q1 to 2026-Q4). */
  batches?: [string, string];
  /** The publisher's categories and units (default: the project's content/, or the sample before `npm run init`). */
  categories?: Categories;
  publisher?: Publisher;
}

/** One generated record, where it belongs and its file text. */
export interface GeneratedRecord {
  record: HongheiRecord;
  /** Path relative to the content root, e.g. content/records/black/2025/2025q3-black-000042.yaml. */
  file: string;
  yaml: string;
}

/** The default reference date: the test suite's publication date. */
export const GENERATOR_TODAY = '2026-11-21';

interface Context {
  seed: number;
  today: IsoDate;
  quarters: string[];
  categories: Categories;
  publisher: Publisher;
  districts: { code: string; name: string }[];
  codeOffset: number;
}

const CONTENT_ROOT = defaultContentRoot(new URL('../..', import.meta.url).pathname);

function quartersBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (
    let day = batchRange(first).start;
    day <= batchRange(last).start;
    day = addDays(batchRange(batchOf(day)).end, 1)
  )
    out.push(batchOf(day));
  if (!out.length)
    throw new Error(
      `no batches from ${first} to ${last}: give the earlier batch first, e.g. 2024-Q1 2026-Q4`,
    );
  return out;
}

function contextOf(options: GenerateOptions): Context {
  const [first, last] = options.batches ?? ['2024-Q1', '2026-Q4'];
  const districts = divisionsUnder('2102').filter((d) => !d.code.endsWith('00'));
  return {
    seed: options.seed,
    today: options.today ?? GENERATOR_TODAY,
    quarters: quartersBetween(first, last),
    categories: options.categories ?? loadCategories(CONTENT_ROOT),
    publisher: options.publisher ?? loadPublisher(CONTENT_ROOT),
    districts,
    codeOffset: codeOffsetFor(randomFor(options.seed, 0xffffffff)),
  };
}

const KINDS: Record<ListId, readonly (readonly [SubjectKind, number])[]> = {
  red: [
    ['enterprise', 82],
    ['institution', 10],
    ['social-org', 8],
  ],
  black: [
    ['enterprise', 84],
    ['institution', 3],
    ['social-org', 5],
    ['individual', 8],
  ],
  demo: [
    ['enterprise', 70],
    ['park', 12],
    ['township', 12],
    ['industry', 6],
  ],
};

/** A name of the subject kind, in the form its registration kind (code positions 1–2) takes. */
function nameFor(
  kind: SubjectKind,
  prefix: string | undefined,
  random: Random,
  district: string,
): string {
  if (prefix === '91') return enterpriseName(random, district);
  if (prefix === '12') return institutionName(random);
  if (prefix) return registeredName(prefix, random, district);
  if (kind === 'park') return parkName(random, district);
  if (kind === 'township') return townshipName(random, district);
  return industryName(random);
}

function subjectFor(
  list: ListId,
  index: number,
  ctx: Context,
  random: Random,
  region: string,
  district: string,
) {
  const kind = random.weighted(KINDS[list]);
  if (kind === 'individual')
    return { kind, name: maskedPerson(random), id_number: maskedId(random, region) };
  const codeKind = pickCodeKind(kind, random);
  const name = nameFor(kind, codeKind?.prefix, random, district);
  let code = codeKind && codeFor(codeKind, index, ctx.codeOffset, random);
  let code_override: { reason: string; accepted_by: string } | undefined;
  if (code && random.chance(0.002)) {
    // A few pilot codes issued before GB 32100, whose check character fails: accepted with a reason.
    code = code.slice(0, 17) + USCC_ALPHABET[(USCC_ALPHABET.indexOf(code[17]!) + 1) % 31];
    code_override = {
      reason: '标准施行前试点地区发放的代码，校验位不符，经登记机关确认有效（示例）',
      accepted_by: '分管副主席 王某',
    };
  }
  const address =
    kind === 'township' || kind === 'industry'
      ? undefined
      : `${district}${tradeName(random).slice(0, 1)}${random.pick(['路', '街', '大道'])}${random.int(1, 300)}号（示例地址）`;
  const persons =
    list === 'black' && kind === 'enterprise' && random.chance(0.6)
      ? [
          {
            role: 'legal-representative' as const,
            name: maskedPerson(random),
            ...(random.chance(0.3) ? { id_number: maskedId(random, region) } : {}),
          },
          ...(random.chance(0.25)
            ? [{ role: 'responsible-person' as const, name: maskedPerson(random) }]
            : []),
        ]
      : undefined;
  return { kind, name, code, code_override, address, persons };
}

/** Generates record number `index` (0-based) of a seed. */
export function generateRecord(
  index: number,
  options: GenerateOptions,
  ctx: Context = contextOf(options),
): GeneratedRecord {
  const random = randomFor(ctx.seed, index);
  const list = random.weighted([
    ['red', 35],
    ['black', 45],
    ['demo', 20],
  ] as const);
  const batch = random.pick(ctx.quarters);
  const quarter = batchRange(batch);
  const quarterDays = (Date.parse(quarter.end) - Date.parse(quarter.start)) / 86_400_000;
  const start = addDays(quarter.start, random.int(0, quarterDays));
  const years = random.weighted([
    [3, 80],
    [2, 10],
    [1, 10],
  ] as const);
  const end = addDays(addYears(start, years), -1);

  const districtEntry = random.pick(ctx.districts);
  const subject = subjectFor(list, index, ctx, random, districtEntry.code, districtEntry.name);
  // Individuals are listed for unpaid wages (labour contractors, 人社部令第45号) where that category exists.
  const categories = ctx.categories[list];
  const category =
    subject.kind === 'individual' && categories.some((c) => c.id === 'wage-arrears')
      ? 'wage-arrears'
      : random.pick(categories).id;
  const region = subject.kind === 'industry' ? '210200' : districtEntry.code;
  // Decision, submission and approvals have happened by today even when publication is scheduled
  // later: they are dated back from the start, or from today for a start still ahead.
  const anchor = start < ctx.today ? start : ctx.today;
  const decided = addDays(anchor, -random.int(12, 40));
  const texts = textsFor(list, category, random, decided.slice(0, 4));
  const units = ctx.publisher.units.filter((u) => !u.categories || u.categories.includes(category));
  const history = historyFor(
    list,
    start,
    end,
    ctx.today,
    ctx.publisher.objection_working_days,
    random,
  );
  const id = `${batch.toLowerCase().replace('-', '')}-${list}-${String(index + 1).padStart(6, '0')}`;

  const record = {
    id,
    list,
    batch,
    sample: true,
    subject,
    region,
    category,
    facts: texts.facts,
    legal_basis: texts.legal_basis,
    decision: { authority: texts.authority, document_number: texts.document_number, date: decided },
    submitted: { unit: random.pick(units).name, date: addDays(anchor, -random.int(8, 11)) },
    approvals: [
      { role: 'review' as const, by: '分管副主席 王某', date: addDays(anchor, -random.int(5, 7)) },
      { role: 'approve' as const, by: '主席 李某', date: addDays(anchor, -random.int(1, 4)) },
    ],
    publication: { start, end },
    demonstration: list === 'demo' ? demonstrationFor(random) : undefined,
    history,
    attachments: [],
  } satisfies Omit<HongheiRecord, 'case' | 'source_url'>;
  return {
    record: record as HongheiRecord,
    file: `content/records/${list}/${batch.slice(0, 4)}/${id}.yaml`,
    yaml: recordToYaml({ ...record, attachments: undefined }),
  };
}

function demonstrationFor(random: Random) {
  const level = random.weighted([
    ['county', 40],
    ['city', 35],
    ['province', 18],
    ['national', 7],
  ] as const);
  const named_by = {
    county: '区（县）协调劳动关系三方（示例）',
    city: '大连市协调劳动关系三方委员会（示例）',
    province: '辽宁省协调劳动关系三方（示例）',
    national: '国家协调劳动关系三方（示例）',
  }[level];
  return { level, named_by };
}

/** Generates records `from` … `from + count - 1` of a seed, with their YAML text. */
export function generateRecords(options: GenerateOptions): GeneratedRecord[] {
  const ctx = contextOf(options);
  const from = options.from ?? 0;
  return Array.from({ length: options.count }, (_, i) => generateRecord(from + i, options, ctx));
}

/** Streams generated records one at a time (what the CLI writes), without holding them all. */
export function* eachGeneratedRecord(options: GenerateOptions): Generator<GeneratedRecord> {
  const ctx = contextOf(options);
  const from = options.from ?? 0;
  for (let i = 0; i < options.count; i++) yield generateRecord(from + i, options, ctx);
}

// Ground truth for tests and benchmarks: computed from the records with the schema's own rule.

/** The generated records public on a date. */
export function publicRecords<T extends { record: HongheiRecord }>(
  records: readonly T[],
  date: IsoDate,
): T[] {
  return records.filter((r) => isPublicOn(r.record, date));
}

/** Ids of the records public on a date whose name contains a fragment (what a name search must find). */
export function expectedNameMatches(
  records: readonly { record: HongheiRecord }[],
  fragment: string,
  date: IsoDate,
): string[] {
  return publicRecords(records, date)
    .filter((r) => r.record.subject.name.includes(fragment))
    .map((r) => r.record.id)
    .sort();
}

/** Ids of the records public on a date whose credit code starts with a prefix (a full code finds its own record). */
export function expectedCodeMatches(
  records: readonly { record: HongheiRecord }[],
  prefix: string,
  date: IsoDate,
): string[] {
  const wanted = prefix.toUpperCase();
  return publicRecords(records, date)
    .filter((r) => r.record.subject.code?.startsWith(wanted))
    .map((r) => r.record.id)
    .sort();
}
