/**
 * The sample site as the browser gates see it: served over HTTP from the folder the global setup
 * built, with one representative URL per page type found in the output (not assumed), and the
 * sample records that are public on the build date — the known answers the journeys check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  isPublicOn,
  publisherSchema,
  validateRepository,
  type HongheiRecord,
} from '../../../content/schema/index.ts';
import { PROJECT_ROOT, SAMPLE_ROOT } from '../../fixtures/roots.ts';

/** The repository root (test results are written under it). */
export const REPO = PROJECT_ROOT.replace(/\/$/, '');

/** The page types every gate covers. */
export const PAGE_TYPES = [
  'home',
  'list',
  'entry',
  'search',
  'case',
  'guide',
  'batch',
  'notFound',
] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** The pages Lighthouse scores (the issue names these four). */
export const LIGHTHOUSE_TYPES: readonly PageType[] = ['home', 'list', 'entry', 'search'];

/** Viewports: a small phone and a desktop. */
export const WIDTHS = {
  mobile: { width: 375, height: 812 },
  desktop: { width: 1280, height: 900 },
} as const;

/** Every HTML file of the built site as a URL path (/a/b/ for a/b/index.html). */
export function sitePaths(siteDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (prefix === '' && ['pagefind', '_astro', 'search-data', 'media'].includes(entry.name))
          continue;
        walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      } else if (entry.name.endsWith('.html')) {
        out.push(entry.name === 'index.html' ? `/${prefix}` : `/${prefix}${entry.name}`);
      }
    }
  };
  walk(siteDir, '');
  return out.sort();
}

/** The HTML file behind a URL path. */
export function fileOf(siteDir: string, path: string): string {
  return join(siteDir, path.endsWith('/') ? `${path}index.html` : path);
}

/** The sample records public on the date (the site shows exactly these). */
export function publicRecords(date: string): HongheiRecord[] {
  const report = validateRepository(SAMPLE_ROOT, { date });
  return report.records.map((r) => r.record).filter((r) => isPublicOn(r, date));
}

/** Interface languages published under their own folder (publisher.yaml languages, all but zh). */
const OTHER_LANGUAGES = new Set<string>(
  publisherSchema.shape.languages.unwrap().element.options.filter((l) => l !== 'zh'),
);

const segments = (path: string) => path.split('/').filter(Boolean);
const last = (path: string) => segments(path).at(-1) ?? '';
const mdxNames = (folder: string) => {
  try {
    return readdirSync(join(SAMPLE_ROOT, 'content', folder))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => basename(f, '.mdx'));
  } catch {
    return [];
  }
};

/** A case write-up that shows pictures (an image in its MDX), else any case. */
function caseWithPictures(): string | undefined {
  const names = mdxNames('cases');
  return (
    names.find((n) =>
      /!\[|<img|<Image|<Picture|\.(jpe?g|png|webp|avif)/i.test(
        readFileSync(join(SAMPLE_ROOT, 'content/cases', `${n}.mdx`), 'utf8'),
      ),
    ) ?? names[0]
  );
}

/**
 * One URL per page type, found in the built output. Throws with what it did find when a type is
 * missing, so the failure says which page the site lacks rather than timing out in a browser.
 */
export function pageUrls(siteDir: string, date: string): Record<PageType, string> {
  // The default language is at the root; the other interface languages the schema allows (e.g.
  // /en/) repeat the same page types and are left to their own tests.
  const paths = sitePaths(siteDir).filter((p) => !OTHER_LANGUAGES.has(segments(p)[0] ?? ''));
  const records = publicRecords(date);
  const ids = new Set(records.map((r) => r.id));
  const cases = new Set(mdxNames('cases'));
  const guides = new Set(mdxNames('pages'));
  const richest =
    records.find((r) => r.case && r.attachments.length) ??
    records.find((r) => r.attachments.length) ??
    records[0];
  const pictured = caseWithPictures();
  const found: Partial<Record<PageType, string>> = {
    home: paths.find((p) => p === '/'),
    entry:
      paths.find((p) => richest && last(p) === richest.id) ?? paths.find((p) => ids.has(last(p))),
    search: paths.find((p) => last(p) === 'search'),
    case:
      paths.find((p) => pictured && last(p) === pictured) ?? paths.find((p) => cases.has(last(p))),
    guide: paths.find((p) => guides.has(last(p)) && !ids.has(last(p))),
    batch: paths.find((p) => /^\d{4}-q[1-4]$/i.test(last(p))),
    list: paths
      .filter((p) => segments(p).some((s) => s === 'black') && !ids.has(last(p)))
      .sort((a, b) => segments(a).length - segments(b).length)[0],
    notFound: paths.find((p) => p === '/404.html'),
  };
  const missing = PAGE_TYPES.filter((t) => !found[t]);
  if (missing.length) {
    throw new Error(
      `the built site (${siteDir}) has no page for: ${missing.join(', ')}. ` +
        `Expected: home "/", a black-list page (a path with a "black" segment), an entry page ending in a public record id, ` +
        `"/search/", a case write-up ending in a content/cases/*.mdx name, a guide page ending in a content/pages/*.mdx name, ` +
        `a batch page ending in e.g. "2026-q3", and "/404.html". Found ${paths.length} pages, e.g. ${paths.slice(0, 12).join(' ')}`,
    );
  }
  return found as Record<PageType, string>;
}
