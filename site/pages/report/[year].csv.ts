/** /report/<year>.csv: the yearly report's tables as CSV (UTF-8 with BOM). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataset } from '../../lib/export/astro.ts';
import { reportYears, yearReport, yearReportCsv } from '../../lib/export/report.ts';

export const getStaticPaths = (async () => {
  const { reported, asOf } = await getDataset();
  return reportYears(reported, asOf).map((year) => ({ params: { year } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { reported, categories, asOf } = await getDataset();
  const csv = yearReportCsv(yearReport(reported, categories, params.year!, asOf));
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
