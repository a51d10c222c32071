/**
 * The sample's records split by visibility on the build date, computed with the schema's own
 * isPublicOn over the real files — never a list written into a test.
 */
import {
  isPublicOn,
  validateRepository,
  type HongheiRecord,
} from '../../../content/schema/index.ts';

export interface RecordsByVisibility {
  public: HongheiRecord[];
  inactive: HongheiRecord[];
}

/** Every valid record under root/content/records, split by isPublicOn(record, date). */
export function recordsOn(root: string, date: string): RecordsByVisibility {
  const report = validateRepository(root, { date });
  const errors = report.problems.filter((p) => p.severity === 'error');
  if (errors.length)
    throw new Error(
      `the content in ${root} has ${errors.length} error(s), first: ${errors[0]!.file}:${errors[0]!.line} ${errors[0]!.what}`,
    );
  const records = report.records.map((r) => r.record);
  return {
    public: records.filter((r) => isPublicOn(r, date)),
    inactive: records.filter((r) => !isPublicOn(r, date)),
  };
}
