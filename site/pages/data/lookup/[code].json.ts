/**
 * /data/lookup/<code>.json: one file per credit code listed on the publication date. An unlisted
 * code has no file, so the host answers HTTP 404 (documented on /data/).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataBundle } from '../../../lib/export/astro.ts';

export const getStaticPaths = (async () => {
  const { lookup } = await getDataBundle();
  return [...lookup.keys()].map((code) => ({ params: { code } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const answer = (await getDataBundle()).lookup.get(params.code ?? '');
  if (!answer) return new Response(null, { status: 404 });
  return new Response(JSON.stringify(answer), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
