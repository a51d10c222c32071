/**
 * The documentation of the settings, generated from the table in settings.ts: docs/settings.md
 * holds its output between two markers (scripts/settings-doc.ts writes it; a test fails when the
 * file and the table differ).
 */
import { SETTINGS, type Setting } from './settings.ts';

/** The markers around the generated table in docs/settings.md. */
export const SETTINGS_DOC_MARKERS = [
  '<!-- settings:begin (generated from content/schema/settings.ts by node scripts/settings-doc.ts) -->',
  '<!-- settings:end -->',
] as const;

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The settings as a Markdown table: name, former name, programs, default, example, help. */
export function settingsMarkdown(): string {
  const rows = Object.entries(SETTINGS as Record<string, Setting>).map(([name, s]) =>
    [
      `\`${name}\`${s.formerly ? ` (formerly \`${s.formerly}\`)` : ''}`,
      s.readers.join(', '),
      s.default === undefined ? '' : `\`${s.default}\``,
      `\`${s.example}\``,
      s.help,
    ]
      .map(cell)
      .join(' | '),
  );
  return [
    '| Variable | Read by | Default | Example | Meaning |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}

/** A documentation text with the generated table put between its markers. */
export function withSettingsTable(doc: string): string {
  const [begin, end] = SETTINGS_DOC_MARKERS;
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  if (from < 0 || to < from)
    throw new Error(
      `the documentation lacks the markers ${begin} … ${end}: add them where the table goes`,
    );
  return `${doc.slice(0, from + begin.length)}\n\n${settingsMarkdown()}\n\n${doc.slice(to)}`;
}
