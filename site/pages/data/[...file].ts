/**
 * /data/<file>: the exports, the JSON Schemas, the change files and the data-package index
 * (datapackage.json), all built once per build by site/lib/export.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataBundle } from '../../lib/export/astro.ts';

export const getStaticPaths = (async () => {
  const { files } = await getDataBundle();
  return [
    ...[...files.keys()].map((file) => ({ params: { file } })),
    { params: { file: 'datapackage.json' } },
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const bundle = await getDataBundle();
  if (params.file === 'datapackage.json')
    return new Response(bundle.datapackage, {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
  const file = bundle.files.get(params.file ?? '');
  if (!file) return new Response(null, { status: 404 });
  return new Response(file.content, {
    headers: { 'Content-Type': `${file.mediatype}; charset=utf-8` },
  });
};
