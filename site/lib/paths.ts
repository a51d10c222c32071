/**
 * The site's URLs, in one place. Every URL ends with a slash (trailingSlash: 'always') and uses
 * only ids, codes and numbers, so it is stable as long as the record's id is.
 */
import type { ListId } from '../../content/schema/index.ts';
import type { Facet } from './facets.ts';

const paged = (base: string, page = 1) => (page > 1 ? `${base}${page}/` : base);

export const homePath = '/';
export const searchPath = '/search/';
export const casesPath = '/cases/';
export const guidePath = '/guide/';
export const batchesPath = '/batches/';

export const recordPath = (id: string) => `/records/${id}/`;
export const listPath = (list: ListId, page = 1) => paged(`/lists/${list}/`, page);
export const facetPath = (list: ListId, facet: Facet, value: string, page = 1) =>
  paged(`/lists/${list}/${facet}/${value}/`, page);
export const batchPath = (batch: string, page = 1) => paged(`/batches/${batch}/`, page);
export const casePath = (id: string) => `/cases/${id}/`;
export const guidePagePath = (id: string) => `/guide/${id}/`;
/** A public attachment: the file under content/media/ keeps its path under /media/. */
export const mediaPath = (file: string) => `/${file.split('/').map(encodeURIComponent).join('/')}`;
