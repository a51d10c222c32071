/** The public attachments of public entries, copied to /media/… (see site/lib/attachments.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { publicMediaFiles, readMedia } from '../../lib/attachments.ts';

export const getStaticPaths = (async () =>
  (await publicMediaFiles()).map((file) => ({
    params: { file: file.replace(/^media\//, '') },
    props: { file },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(new Uint8Array(readMedia((props as { file: string }).file)));
