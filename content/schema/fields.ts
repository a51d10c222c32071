/**
 * Reading the record schema itself: the field at a path, its description and the keys allowed
 * beside it. The validator uses this to say what a missing field should hold and which key a
 * misspelt one meant; the bot can use it to find a question's help text.
 */
import type { z } from 'zod';
import { recordShape } from './record.ts';

type AnySchema = z.core.$ZodType;

/** The wrapped schema of an optional, default, nullable or pipe, or the schema itself. */
function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (;;) {
    const def = s._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if (
      (def.type === 'optional' ||
        def.type === 'default' ||
        def.type === 'nullable' ||
        def.type === 'prefault') &&
      def.innerType
    )
      s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else return s;
  }
}

/** The schema of the field at a path of a record (numbers step into lists), or undefined. */
export function recordFieldAt(path: readonly PropertyKey[]): AnySchema | undefined {
  let node: AnySchema | undefined;
  let shape: Record<string, AnySchema> | undefined = recordShape;
  for (const key of path) {
    if (node) {
      const def = unwrap(node)._zod.def as {
        type: string;
        element?: AnySchema;
        shape?: Record<string, AnySchema>;
      };
      if (def.type === 'array' && typeof key === 'number') {
        node = def.element;
        continue;
      }
      shape = def.type === 'object' ? def.shape : undefined;
    }
    node = shape?.[String(key)];
    if (!node) return undefined;
  }
  return node;
}

/** The description (`.describe()`) of the field at a path, if any. */
export function recordFieldDescription(path: readonly PropertyKey[]): string | undefined {
  const field = recordFieldAt(path);
  if (!field) return undefined;
  return (
    (field as { description?: string }).description ??
    (unwrap(field) as { description?: string }).description
  );
}

/** The keys allowed in the mapping at a path ([] for the record itself). */
export function recordKeysAt(path: readonly PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(recordShape);
  const field = recordFieldAt(path);
  if (!field) return [];
  let def = unwrap(field)._zod.def as {
    type: string;
    element?: AnySchema;
    shape?: Record<string, AnySchema>;
  };
  if (def.type === 'array' && def.element) def = unwrap(def.element)._zod.def as typeof def;
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
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
