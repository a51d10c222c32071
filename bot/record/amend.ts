/**
 * Changing an existing record for an objection or a repair application: a status event appended
 * to its history and attachments added, with the rest of the file left exactly as it was (the
 * reviewer's diff shows only what the submission adds).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSeq } from 'yaml';
import { editRecordYaml } from '../../content/schema/record-yaml.ts';
import type { Answers } from '../form/step.ts';
import { attachmentEntry, planAttachments, type PlannedFile } from './build.ts';
import type { RecordRef } from './repository.ts';

/** The amended file and the attachments it now references. */
export interface Amendment {
  file: string;
  yaml: string;
  attachments: PlannedFile[];
}

/** Appends an event and attachments to a record's YAML text. */
export function amendText(
  text: string,
  event: Record<string, unknown>,
  attachments: PlannedFile[],
): string {
  return editRecordYaml(
    text,
    (doc) => {
      if (!isSeq(doc.get('history', true))) doc.set('history', doc.createNode([]));
      doc.addIn(['history'], doc.createNode(event));
      if (attachments.length) {
        if (!isSeq(doc.get('attachments', true))) doc.set('attachments', doc.createNode([]));
        for (const a of attachments) doc.addIn(['attachments'], doc.createNode(attachmentEntry(a)));
      }
    },
    () => new Error('the record file is not a mapping: run npm run validate on it'),
  );
}

/** Amends a record of the repository with an event and the answers' attachments. */
export function amendRecord(
  root: string,
  target: RecordRef,
  event: Record<string, unknown>,
  answers: Answers,
  tag: string,
): Amendment {
  const text = readFileSync(join(root, target.file), 'utf8');
  const year = String(event.date).slice(0, 4);
  const attachments = planAttachments(answers, `${target.id}-${tag}`, year);
  return { file: target.file, yaml: amendText(text, event, attachments), attachments };
}
