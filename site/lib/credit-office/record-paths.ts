/**
 * What a column of the credit-office mapping may take its value from: a record field (every
 * scalar field of the one record schema, found by walking it, never listed by hand), the Chinese
 * name of a code, a derived value, or — on the objection sheet — a fact of the objection.
 */
import { z } from 'zod';
import { recordShape } from '../../../content/schema/index.ts';

interface JsonNode {
  type?: string;
  properties?: Record<string, JsonNode>;
}

function scalarPaths(node: JsonNode, prefix: string[], out: string[]): string[] {
  for (const [key, field] of Object.entries(node.properties ?? {})) {
    const path = [...prefix, key];
    if (field.type === 'object' && field.properties) scalarPaths(field, path, out);
    else if (field.type !== 'array') out.push(path.join('.'));
  }
  return out;
}

/** Every scalar field of a record, as a dotted path (subject.name, decision.date, …). */
export const RECORD_PATHS: readonly string[] = scalarPaths(
  z.toJSONSchema(z.object(recordShape), { io: 'output', unrepresentable: 'any' }) as JsonNode,
  [],
  [],
);

/** The facts of one objection, for the objection sheet (objection.<name>). */
export const OBJECTION_FIELDS = [
  'received',
  'due',
  'grounds',
  'outcome',
  'decided',
  'explanation',
  'document_number',
] as const;
export type ObjectionField = (typeof OBJECTION_FIELDS)[number];

/** The objection fields as paths. */
export const OBJECTION_PATHS: readonly string[] = OBJECTION_FIELDS.map((f) => `objection.${f}`);

/** Codes whose Chinese name a column can take (name_of). */
export const NAMED_PATHS = [
  'list',
  'subject.kind',
  'category',
  'region',
  'demonstration.level',
  'status',
] as const;
export type NamedPath = (typeof NAMED_PATHS)[number];

/** Values computed from the record and the report (derived). */
export const DERIVED_VALUES = [
  'publication_end',
  'legal_representative',
  'responsible_persons',
  'publisher',
  'remarks',
  'entry_url',
] as const;
export type DerivedValue = (typeof DERIVED_VALUES)[number];
