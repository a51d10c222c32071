/**
 * Who may submit new entries: Telegram user ids allow-listed to a submitting unit of the
 * publisher (content/publisher.yaml units). The list is the bot deployment's own file
 * (content/submitters.yaml of the content root by default, HONGHEI_SUBMITTERS to move it), validated at start-up
 * against the publisher's units so a typo fails before the bot answers anyone.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseYaml, valuePositionOf, type Publisher } from '../content/schema/index.ts';

const submittersSchema = z.strictObject({
  submitters: z
    .array(
      z.strictObject({
        telegram_id: z
          .number()
          .int()
          .positive()
          .describe('Telegram user id (the bot tells a user theirs when they try /new)'),
        unit: z.string().min(1).describe('id of a unit in content/publisher.yaml units'),
        note: z.string().optional().describe('who this is, for the maintainers'),
      }),
    )
    .describe('allow-listed submitters'),
});

/** A unit of the publisher, as the bot writes it into records. */
export interface SubmitterUnit {
  id: string;
  name: string;
  categories?: string[];
}

/** The allow-list, by Telegram user id. */
export class Submitters {
  private readonly byUser: ReadonlyMap<number, SubmitterUnit>;
  /** Web chat users with an unrevoked web account (bot/webchat), bound by the channel per update. */
  private readonly web = new Map<number, SubmitterUnit>();

  constructor(byUser: ReadonlyMap<number, SubmitterUnit>) {
    this.byUser = byUser;
  }

  /** The unit a user submits for, or undefined when the user is not allow-listed. */
  unitOf(userId: number | undefined): SubmitterUnit | undefined {
    return userId === undefined ? undefined : (this.byUser.get(userId) ?? this.web.get(userId));
  }

  /**
   * Binds a web chat user to the unit of their web account (or unbinds them): the web channel
   * reads the account from storage before each of the user's updates, so an invitation or a
   * revocation on any instance counts from the next update on.
   */
  bindWeb(userId: number, unit: SubmitterUnit | undefined): void {
    if (unit) this.web.set(userId, unit);
    else this.web.delete(userId);
  }

  get size(): number {
    return this.byUser.size;
  }

  /** The allow-listed user ids, in file order. */
  ids(): number[] {
    return [...this.byUser.keys()];
  }
}

/** Thrown when the allow-list is wrong; the message names the file, line and fix. */
export class SubmittersError extends Error {}

/** Parses the allow-list text, checking each unit against the publisher's units. */
export function parseSubmitters(text: string, file: string, publisher: Publisher): Submitters {
  const source = parseYaml(text, file);
  const fail = (path: PropertyKey[], message: string): never => {
    const { line, col } = valuePositionOf(source, path);
    throw new SubmittersError(`${file}:${line}:${col}  ${path.join('.') || '(file)'}  ${message}`);
  };
  if (source.doc.errors.length)
    fail(
      [],
      `YAML syntax error: ${source.doc.errors[0]!.message.split('\n')[0]} — check indentation and the space after each colon`,
    );
  const parsed = submittersSchema.safeParse(source.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    fail(
      issue.path,
      `${issue.message} — write entries as "- telegram_id: 123456789" and "unit: legal" under "submitters:"`,
    );
  }
  const units = new Map(publisher.units.map((u) => [u.id, u]));
  const byUser = new Map<number, SubmitterUnit>();
  parsed.data!.submitters.forEach((s, i) => {
    const unit = units.get(s.unit);
    if (!unit)
      fail(
        ['submitters', i, 'unit'],
        `unit "${s.unit}" is not in content/publisher.yaml — use one of: ${[...units.keys()].join(', ')}`,
      );
    if (byUser.has(s.telegram_id))
      fail(
        ['submitters', i, 'telegram_id'],
        `user ${s.telegram_id} is listed twice — keep one entry per user`,
      );
    byUser.set(s.telegram_id, {
      id: unit!.id,
      name: unit!.name,
      ...(unit!.categories ? { categories: unit!.categories } : {}),
    });
  });
  return new Submitters(byUser);
}

/** Reads the allow-list file. */
export function loadSubmitters(file: string, publisher: Publisher): Submitters {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new SubmittersError(
      `${file}: cannot read the submitters allow-list — create it (see test/fixtures/sample/content/submitters.yaml) or set HONGHEI_SUBMITTERS to its path`,
      { cause },
    );
  }
  return parseSubmitters(text, file, publisher);
}
