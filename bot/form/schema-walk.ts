/**
 * Reading the record schema's fields as questions: the leaves of the one schema walker
 * (content/schema/fields.ts), each with its path, its own schema, whether it is optional and its
 * description. The bot's questions are generated from this walk, so a field added to the schema
 * becomes a question without touching the bot.
 */
import type { Leaf } from '../../content/schema/fields.ts';

export { schemaLeaves, unwrapSchema, type Leaf } from '../../content/schema/fields.ts';

/** A date field: the schema accepts a real calendar day and refuses an impossible one. */
export function isDateField(leaf: Leaf): boolean {
  return (
    leaf.type === 'string' &&
    leaf.schema.safeParse('2024-02-29').success &&
    !leaf.schema.safeParse('2023-02-29').success
  );
}
