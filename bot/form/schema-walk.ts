/**
 * Reading the record schema's fields as questions: every leaf of recordShape with its path, its
 * own schema, whether it is optional and its description. The bot's questions are generated from
 * this walk, so a field added to the schema becomes a question without touching the bot.
 */
import type { z } from 'zod';

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

/** One field of the record as a question source. */
export interface Leaf {
  /** Path in the record; array items are written '*', e.g. ['approvals', '*', 'by']. */
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
}

/** Strips optional, default, nullable and pipe wrappers. */
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

const descriptionOf = (s: AnySchema) => (s as { description?: string }).description;

/** Every leaf of a shape, in declaration order. */
export function schemaLeaves(shape: Record<string, AnySchema>, prefix: string[] = []): Leaf[] {
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
    out.push({
      path,
      schema: field as unknown as z.ZodType,
      type: def.type,
      ...(def.entries ? { values: Object.values(def.entries) } : {}),
      optional,
      description: descriptionOf(field) ?? descriptionOf(inner),
    });
  }
  return out;
}

/** A date field: the schema accepts a real calendar day and refuses an impossible one. */
export function isDateField(leaf: Leaf): boolean {
  return (
    leaf.type === 'string' &&
    leaf.schema.safeParse('2024-02-29').success &&
    !leaf.schema.safeParse('2023-02-29').success
  );
}
