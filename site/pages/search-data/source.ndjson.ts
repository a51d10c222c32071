/**
 * The public entries for the indexers (see site/lib/search/source.ts). publish.ts reads this
 * file right after the build, writes the search indexes from it and deletes it.
 */
import type { APIRoute } from 'astro';
import { allEntries } from '../../lib/entries.ts';
import { sourceText } from '../../lib/search/source.ts';

export const GET: APIRoute = async () => new Response(sourceText(await allEntries()), { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } });
