/**
 * The one walker of the record schema: the field at a path, its description, the keys allowed
 * beside it, every leaf in order. The validator uses it to say what a missing field should hold
 * and which key a misspelt one meant; the bot's questions, the field labels (field-labels.ts), the
 * pull-request table and the export columns walk the schema with it.
 */
import type { z } from 'zod';
import { FIELD_TEXTS, type FieldTexts } from './field-meta.ts';
import { recordShape } from './record.ts';

type AnySchema = z.core.$ZodType;
interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  entries?: Record<string, string>;
}

const defOf = (s: AnySchema) => s._zod.def as unknown as Def;

/** Strips optional, default, nullable and pipe wrappers; optional tells whether one may be absent. */
export function unwrapSchema(schema: AnySchema): { inner: AnySchema; optional: boolean } {
  let s = schema;
  let optional = false;
  for (;;) {
    const def = defOf(s);
    if (
      (def.type === 'optional' ||
        def.type === 'default' ||
        def.type === 'nullable' ||
        def.type === 'prefault') &&
      def.innerType
    ) {
      optional = true;
      s = def.innerType;
    } else if (def.type === 'pipe' && def.in) s = def.in;
    else return { inner: s, optional };
  }
}

/** Every layer of a field's schema, outermost first: the declared schema, then what it wraps. */
export function schemaLayers(schema: AnySchema): AnySchema[] {
  const out = [schema];
  for (;;) {
    const def = defOf(out.at(-1)!);
    const next = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!next) return out;
    out.push(next);
  }
}

/** The label and hint a field's schema carries (record.ts, labelled), on any of its layers. */
export function textsOf(schema: AnySchema): FieldTexts | undefined {
  for (const layer of schemaLayers(schema)) {
    const texts = FIELD_TEXTS.get(layer);
    if (texts) return texts;
  }
  return undefined;
}

/** The fields of an object schema, or of the objects of a list schema, by key. */
function shapeOf(schema: AnySchema): Record<string, AnySchema> | undefined {
  let def = defOf(unwrapSchema(schema).inner);
  if (def.type === 'array' && def.element) def = defOf(unwrapSchema(def.element).inner);
  return def.type === 'object' ? def.shape : undefined;
}

/**
 * The schema of the field at a path of a record, or undefined. A number or '*' steps into a list
 * (subject.persons.0.role and subject.persons.*.role are the same field).
 */
export function recordFieldAt(path: readonly PropertyKey[]): AnySchema | undefined {
  let node: AnySchema | undefined;
  for (const key of path) {
    if (node && (typeof key === 'number' || key === '*' || /^\d+$/.test(String(key)))) {
      const def = defOf(unwrapSchema(node).inner);
      if (def.type !== 'array' || !def.element) return undefined;
      node = def.element;
      continue;
    }
    const shape: Record<string, AnySchema> | undefined = node ? shapeOf(node) : recordShape;
    node = shape?.[String(key)];
    if (!node) return undefined;
  }
  return node;
}

/** The description of the field at a path, if any (derived from its label and hint, record.ts). */
export function recordFieldDescription(path: readonly PropertyKey[]): string | undefined {
  const field = recordFieldAt(path);
  if (!field) return undefined;
  for (const layer of schemaLayers(field)) {
    const description = (layer as { description?: string }).description;
    if (description) return description;
  }
  return undefined;
}

/** The keys allowed in the mapping at a path ([] for the record itself), in schema order. */
export function recordKeysAt(path: readonly PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(recordShape);
  const field = recordFieldAt(path);
  const shape = field && shapeOf(field);
  return shape ? Object.keys(shape) : [];
}

/** One value field of the record: a leaf of the schema, where a question or a column ends. */
export interface Leaf {
  /** Path in the record; list items are written '*', e.g. ['approvals', '*', 'by']. */
  path: string[];
  /** The field's schema as declared (wrappers included): parse answers with this. */
  schema: z.ZodType;
  /** The innermost type: string, enum, boolean, … */
  type: string;
  /** Enum values, for enum fields. */
  values?: string[];
  /** The field itself may be absent (a field of an optional group may not, once the group is there). */
  optional: boolean;
  description?: string;
  /** The field's label and hint (record.ts). */
  texts?: FieldTexts;
}

/** Every leaf of a shape (the record's by default), in declaration order. */
export function schemaLeaves(
  shape: Record<string, AnySchema> = recordShape,
  prefix: string[] = [],
): Leaf[] {
  const out: Leaf[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const path = [...prefix, key];
    const { inner, optional } = unwrapSchema(field);
    let def = defOf(inner);
    let itemPath = path;
    if (def.type === 'array' && def.element) {
      itemPath = [...path, '*'];
      def = defOf(unwrapSchema(def.element).inner);
    }
    if (def.type === 'object' && def.shape) {
      // A field of an optional group is required once the group is there: its own flag stands.
      out.push(...schemaLeaves(def.shape, itemPath));
      continue;
    }
    const description = schemaLayers(field)
      .map((l) => (l as { description?: string }).description)
      .find(Boolean);
    const texts = textsOf(field);
    out.push({
      path,
      schema: field as unknown as z.ZodType,
      type: def.type,
      ...(def.entries ? { values: Object.values(def.entries) } : {}),
      optional,
      ...(description ? { description } : {}),
      ...(texts ? { texts } : {}),
    });
  }
  return out;
}

/** The innermost type of the field at a path (string, enum, boolean, object, array, …). */
export function fieldType(path: readonly PropertyKey[]): string | undefined {
  const field = recordFieldAt(path);
  return field && defOf(unwrapSchema(field).inner).type;
}

/** How a field holds its value: a group of fields, a list of groups, or a value. */
export function fieldForm(path: readonly PropertyKey[]): 'group' | 'list' | 'value' | undefined {
  const field = recordFieldAt(path);
  if (!field) return undefined;
  const def = defOf(unwrapSchema(field).inner);
  if (def.type === 'object') return 'group';
  if (def.type === 'array' && def.element && shapeOf(field)) return 'list';
  return 'value';
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The allowed key closest to a misspelt one, when it is close enough to be a typo. */
export function closestKey(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = distance(key.toLowerCase(), candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3))
    ? best
    : undefined;
}
