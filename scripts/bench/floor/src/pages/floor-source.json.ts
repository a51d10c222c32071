/**
 * The floor's handover to its indexer: one line per record with the text Pagefind indexes — the
 * same kind of custom record the site gives Pagefind, made from the raw YAML values.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';

export const GET: APIRoute = async () => {
  const records = await getCollection('records');
  const lines = records.map(({ id, data: r }) => {
    const s = r.subject;
    const text = [
      s.name,
      s.code,
      s.id_number,
      s.address,
      r.list,
      r.region,
      r.category,
      r.facts,
      r.legal_basis,
      r.decision.authority,
      r.decision.document_number,
      r.submitted.unit,
      r.batch,
    ]
      .filter(Boolean)
      .join(' \n');
    const entry = {
      id,
      url: `/records/${id}/`,
      name: s.name,
      code: s.code,
      date: r.publication.start,
      batch: r.batch,
      sample: Boolean(r.sample),
      filters: {
        list: [r.list],
        category: [`${r.list}.${r.category}`],
        region: [r.region],
        year: [String(r.publication.start).slice(0, 4)],
        kind: [s.kind],
        status: ['listed'],
      },
      text,
    };
    return JSON.stringify(entry);
  });
  return new Response(lines.join('\n'));
};
