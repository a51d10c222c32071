/**
 * Writes the table of settings into docs/settings.md from content/schema/settings.ts:
 * node scripts/settings-doc.ts (test/content/schema/settings.test.ts fails when they differ).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { withSettingsTable } from '../content/schema/settings-doc.ts';

const file = new URL('../docs/settings.md', import.meta.url);
writeFileSync(file, withSettingsTable(readFileSync(file, 'utf8')));
console.log('docs/settings.md: the settings table is up to date');
