/**
 * The credit-office reports inside an Astro build, one per batch with a page, built once per build
 * from the same dataset as /data/ and the batch pages. The objection sheet also needs the entries
 * that are no longer public but had an objection settled in the period (a revocation is an outcome
 * the credit office must hear of): only those files are read again, and only their list, decision
 * number and objection facts reach the report (values.ts).
 */
import { basename } from 'node:path';
import {
  listRecordFiles,
  parseRecordYaml,
  readText,
  recordSchemaFor,
  type Categories,
  type HongheiRecord,
} from '../../../content/schema/index.ts';
import { getDataset, projectRoot } from '../export/astro.ts';
// Imported as text: in the build's bundle the YAML file is not beside the code that reads it.
import defaultMapping from './default-mapping.yaml?raw';
import { loadMapping } from './mapping.ts';
import { creditOfficeReport, type CreditOfficeReport } from './report.ts';

// A record without this word has no objection: most files are skipped without being parsed.
const MAY_HAVE_OBJECTION = /\bobjection\b/;

/** The valid records that are not public and have an objection in their history. */
function otherObjectionRecords(
  publicIds: ReadonlySet<string>,
  categories: Categories,
): HongheiRecord[] {
  const schema = recordSchemaFor(categories);
  const out: HongheiRecord[] = [];
  for (const file of listRecordFiles(projectRoot)) {
    if (publicIds.has(basename(file).replace(/\.ya?ml$/, ''))) continue;
    const text = readText(projectRoot, file);
    if (!MAY_HAVE_OBJECTION.test(text)) continue;
    // The records loader has validated every file already: one that fails here cannot occur.
    const parsed = schema.safeParse(parseRecordYaml(text, file).data);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

let reports: Promise<Map<string, CreditOfficeReport>> | undefined;

/** The report of every batch that has a page, by batch. */
export function creditOfficeReports(): Promise<Map<string, CreditOfficeReport>> {
  reports ??= (async () => {
    const dataset = await getDataset();
    const { records, asOf, publisher, categories, siteUrl } = dataset;
    const mapping = loadMapping(projectRoot, defaultMapping);
    const all = [
      ...records,
      ...otherObjectionRecords(new Set(records.map((r) => r.id)), categories),
    ];
    const batches = [...new Set(records.map((r) => r.batch))].sort().reverse();
    const context = { asOf, publisher, categories, siteUrl };
    return new Map(
      batches.map((batch) => [batch, creditOfficeReport(all, batch, mapping, context)]),
    );
  })();
  return reports;
}
