/**
 * /report/credit-office/credit-office-<batch>.xlsx, .csv and -objections.csv: each batch's report
 * to the city credit office (报送信用办), linked from the batch page (site/lib/credit-office).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { creditOfficeReports } from '../../../lib/credit-office/astro.ts';
import {
  REPORT_FILES,
  reportFile,
  reportFileName,
  type ReportFile,
} from '../../../lib/credit-office/files.ts';

export const getStaticPaths = (async () =>
  [...(await creditOfficeReports()).keys()].flatMap((batch) =>
    REPORT_FILES.map((kind) => ({
      params: { file: reportFileName(batch, kind) },
      props: { batch, kind },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { batch, kind } = props as { batch: string; kind: ReportFile };
  const report = (await creditOfficeReports()).get(batch)!;
  const { content, type } = await reportFile(report, kind);
  return new Response(typeof content === 'string' ? content : new Uint8Array(content), {
    headers: { 'Content-Type': type },
  });
};
