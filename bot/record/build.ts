/**
 * Turning the answers of /new into the record file: the nested record in the schema's key order,
 * the derived fields (id, batch, unit, history, attachment paths), and YAML as the validator
 * reads it. Nothing here knows a field list: answers are placed by their paths. The record has no
 * approvals: the reviewers add them when they approve.
 */
import {
  ATTACHMENT_KINDS,
  ATTACHMENT_MEDIA_TYPES,
  batchOf,
  PRIVATE_ATTACHMENT_KINDS,
  type AttachmentKind,
  type IsoDate,
  type ListId,
} from '../../content/schema/index.ts';
import { orderRecord, recordToYaml } from '../../content/schema/record-yaml.ts';
import type { Answers, FileAnswer } from '../form/step.ts';

/** An attachment of a submission that is published: where it goes in the repository and where its bytes come from. */
export interface PublicPlannedFile {
  path: string;
  fileId: string;
  kind: AttachmentKind;
  caption?: string;
  public: true;
  private?: undefined;
}

/**
 * A non-public attachment: its bytes go to the private store on Confirm, never to the repository;
 * the record keeps the reference (sha256:…), the generated name, the size and the type.
 */
export interface PrivatePlannedFile {
  fileId: string;
  kind: AttachmentKind;
  caption?: string;
  public: false;
  private: { sha256: string; name: string; size: number; type: string };
  /** A private file has no place in the repository. */
  path?: undefined;
}

/** An attachment of a submission. */
export type PlannedFile = PublicPlannedFile | PrivatePlannedFile;

/** The record of a /new form, and the files it brings. */
export interface BuiltRecord {
  record: Record<string, unknown>;
  file: string;
  yaml: string;
  attachments: PlannedFile[];
}

/** Sets a value at a dotted path, creating objects, and arrays for numeric segments. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    node[key] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
}

/** Where a record lives: content/records/<list>/<year of its batch>/<id>.yaml. */
export const recordPath = (list: ListId, batch: string, id: string) =>
  `content/records/${list}/${batch.slice(0, 4)}/${id}.yaml`;

/** The record's id: its batch, list and a random suffix, e.g. 2026q4-black-k3f9x2. */
export const recordIdFor = (batch: string, list: ListId, suffix: string) =>
  `${batch.toLowerCase().replace('-', '')}-${list}-${suffix}`;

/** Builds the record file of a /new form. */
export function buildNewRecord(
  answers: Answers,
  meta: { suffix: string; unit: string; sample: boolean },
): BuiltRecord {
  const list = answers.list as ListId;
  const start = answers['publication.start'] as IsoDate;
  const batch = batchOf(start);
  const id = recordIdFor(batch, list, meta.suffix);
  const record: Record<string, unknown> = { id, batch, ...(meta.sample ? { sample: true } : {}) };
  for (const [key, value] of Object.entries(answers)) {
    // Approvals are never the submitter's: a form stored before /new stopped asking may still hold some.
    if (value === undefined || key.startsWith('attachments.') || key.startsWith('approvals.'))
      continue;
    setPath(record, key, value);
  }
  setPath(record, 'submitted.unit', meta.unit);
  record.history = [{ status: 'listed', date: start }];
  const attachments = planAttachments(answers, id, batch.slice(0, 4));
  if (attachments.length) record.attachments = attachments.map(attachmentEntry);
  const ordered = orderRecord(record) as Record<string, unknown>;
  return {
    record: ordered,
    file: recordPath(list, batch, id),
    yaml: recordToYaml(ordered),
    attachments,
  };
}

/** The record's attachment entry for a planned file: a path relative to content/, or the private reference. */
export function attachmentEntry(f: PlannedFile): Record<string, unknown> {
  const caption = f.caption ? { caption: f.caption } : {};
  if (f.private)
    return {
      private: `sha256:${f.private.sha256}`,
      kind: f.kind,
      name: f.private.name,
      size: f.private.size,
      type: f.private.type,
      ...caption,
    };
  return { file: f.path.replace(/^content\//, ''), kind: f.kind, ...caption };
}

/**
 * Plans the files of every `attachments.<kind>` answer: public ones at content/media/<year>/<id>-<n>.<ext>;
 * the kinds that are never public (labels.ts PRIVATE_ATTACHMENT_KINDS) as private references named <id>-<n>.<ext>.
 */
export function planAttachments(
  answers: Answers,
  id: string,
  year: string,
  first = 1,
): PlannedFile[] {
  const planned: PlannedFile[] = [];
  for (const kind of ATTACHMENT_KINDS) {
    const files = answers[`attachments.${kind}`] as FileAnswer[] | undefined;
    for (const f of files ?? []) {
      const name = `${id}-${first + planned.length}.${f.ext}`;
      const caption = f.caption ? { caption: f.caption } : {};
      if (PRIVATE_ATTACHMENT_KINDS.includes(kind)) {
        // A form stored before files carried their SHA-256 has none: the summary then asks for the file again (the reference is invalid).
        planned.push({
          fileId: f.fileId,
          kind,
          ...caption,
          public: false,
          private: {
            sha256: f.sha256 ?? '',
            name,
            size: f.size,
            type: ATTACHMENT_MEDIA_TYPES[f.ext] ?? 'application/octet-stream',
          },
        });
      } else {
        planned.push({
          path: `content/media/${year}/${name}`,
          fileId: f.fileId,
          kind,
          ...caption,
          public: true,
        });
      }
    }
  }
  return planned;
}
