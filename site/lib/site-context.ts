/**
 * What every page needs to know about this deployment: where the content lives, the date the
 * site is published as of, the publisher and its categories. Read once per build.
 */
import {
  loadCategories,
  loadPublisher,
  publicationDate,
  type Categories,
  type IsoDate,
  type Publisher,
} from '../../content/schema/index.ts';
import type { Env } from '../../content/schema/settings-read.ts';
import { siteContentRoot } from '../../content/schema/content-root.ts';

/**
 * The folder holding content/ (publisher.yaml, categories.yaml, records/, cases/, pages/).
 * HONGHEI_CONTENT_ROOT (formerly HONGHEI_ROOT) lets a test or a second publisher build from another
 * folder; the default is the project's content/ once it has a publisher.yaml, else the sample
 * (resolveContentRoot; the project root is the working directory of every build).
 */
export function contentRoot(env: Env = process.env): string {
  return siteContentRoot(env);
}

let publisherCache: Publisher | undefined;
let categoriesCache: Categories | undefined;

/** The publisher of this site (content/publisher.yaml). */
export function publisher(): Publisher {
  return (publisherCache ??= loadPublisher(contentRoot()));
}

/** The categories of the three lists (content/categories.yaml). */
export function categories(): Categories {
  return (categoriesCache ??= loadCategories(contentRoot()));
}

/** The date the site is published as of (HONGHEI_DATE, or today in China). */
export function siteDate(): IsoDate {
  return publicationDate();
}
