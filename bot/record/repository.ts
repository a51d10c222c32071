/**
 * The content repository as the bot reads it: the publisher's configuration and the records, for
 * duplicate checks and for finding the entry an objection or a repair application is about.
 * Records are read from disk at most every few seconds (a submission never waits for a re-read
 * of 20,000 files).
 */
import {
  checkRecordSource,
  isPublicOn,
  listRecordFiles,
  loadCategories,
  loadPublisher,
  readYaml,
  type Categories,
  type IsoDate,
  type ListId,
  type LoadedRecord,
  type Publisher,
} from '../../content/schema/index.ts';

/** A short reference to a record, small enough to keep in a form's answers. */
export interface RecordRef {
  id: string;
  file: string;
  list: ListId;
  name: string;
  code?: string;
  category: string;
}

/** Reads the publisher, categories and records of one content repository. */
export class ContentRepository {
  readonly publisher: Publisher;
  readonly categories: Categories;
  private cache?: { at: number; records: LoadedRecord[] };

  readonly root: string;
  private readonly maxAgeMs: number;

  constructor(root: string, maxAgeMs = 10_000) {
    this.root = root;
    this.maxAgeMs = maxAgeMs;
    this.publisher = loadPublisher(root);
    this.categories = loadCategories(root);
  }

  /** Every record that passes its schema (the validator reports the others). */
  records(): LoadedRecord[] {
    if (this.cache && Date.now() - this.cache.at < this.maxAgeMs) return this.cache.records;
    const records: LoadedRecord[] = [];
    for (const file of listRecordFiles(this.root)) {
      const check = checkRecordSource(readYaml(this.root, file), {
        categories: this.categories,
        lang: 'zh',
      });
      if (check.record) records.push({ source: check.source, record: check.record });
    }
    this.cache = { at: Date.now(), records };
    return records;
  }

  /** Forgets the cached records (after a submission was merged, or in tests). */
  refresh(): void {
    this.cache = undefined;
  }

  /** Public entries whose credit code or id is the query (code comparison ignores case and spaces). */
  findPublic(query: string, date: IsoDate, lists?: readonly ListId[]): RecordRef[] {
    const q = query.normalize('NFKC').replace(/\s+/g, '');
    const code = q.toUpperCase();
    return this.records()
      .filter(
        ({ record: r }) =>
          (r.id === q.toLowerCase() || r.subject.code === code) &&
          (!lists || lists.includes(r.list)) &&
          isPublicOn(r, date),
      )
      .map(({ record: r, source }) => ({
        id: r.id,
        file: source.file,
        list: r.list,
        name: r.subject.name,
        category: r.category,
        ...(r.subject.code ? { code: r.subject.code } : {}),
      }));
  }

  /** One record by its file, as loaded. */
  byFile(file: string): LoadedRecord | undefined {
    return this.records().find((r) => r.source.file === file);
  }
}
