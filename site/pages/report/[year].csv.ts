/** /report/<year>.csv: the yearly report's tables as CSV (UTF-8 with BOM). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataset } from '../../lib/export/astro.ts';
import { yearReport, yearReportCsv } from '../../lib/export/report.ts';
import { reportYears } from '../../lib/export/statistics.ts';

export const getStaticPaths = (async () => reportYears((await getDataset()).records).map((year) => ({ params: { year } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { records, categories, asOf } = await getDataset();
  const csv = yearReportCsv(yearReport(records, categories, params.year!, asOf));
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
