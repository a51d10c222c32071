/**
 * The previous published data, which the build compares itself with for changes/latest.json.
 * HONGHEI_PREVIOUS_DATA names it: the data/ folder of the previous build on disk, or its address
 * on the web (https://…/data/). Unset: the build has no base, and says so in the change file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSetting, type Env, type SettingName } from '../../../content/schema/settings-read.ts';
import type { PreviousData } from './changes.ts';

/** The environment variable that names the previous data (content/schema/settings.ts). */
export const PREVIOUS_DATA_VARIABLE = 'HONGHEI_PREVIOUS_DATA' satisfies SettingName;

async function readText(location: string, file: string): Promise<string> {
  if (/^https?:\/\//.test(location)) {
    const url = new URL(file, location.endsWith('/') ? location : `${location}/`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
    return response.text();
  }
  return readFile(join(location, file), 'utf8');
}

/** Reads the previous data; fails with the variable's name and the fix when it cannot. */
export async function readPreviousData(location: string): Promise<PreviousData> {
  try {
    const index = JSON.parse(await readText(location, 'datapackage.json')) as {
      version?: unknown;
      honghei?: { as_of?: unknown };
    };
    const records = JSON.parse(
      (await readText(location, 'records.json')).replace(/^\uFEFF/, ''),
    ) as { as_of?: unknown; entries?: unknown };
    if (typeof index.version !== 'string' || !Array.isArray(records.entries)) {
      throw new Error('datapackage.json has no "version" or records.json has no "entries" array');
    }
    const entries: PreviousData['entries'] = new Map();
    for (const e of records.entries as PreviousData['entries'] extends Map<string, infer V>
      ? V[]
      : never)
      entries.set(e.id, e);
    return {
      version: index.version,
      as_of: String(records.as_of ?? index.honghei?.as_of ?? ''),
      entries,
    };
  } catch (error) {
    throw new Error(
      `${PREVIOUS_DATA_VARIABLE}="${location}": cannot read the previous data (datapackage.json and records.json) — ` +
        'point it at the data/ folder of the previous build or its https address, or unset it (changes/latest.json then has no base)',
      { cause: error },
    );
  }
}

/** The previous data named by the environment, or undefined when none is named. */
export async function previousDataFromEnv(
  env: Env = process.env,
): Promise<PreviousData | undefined> {
  const location = readSetting(PREVIOUS_DATA_VARIABLE, env);
  return location ? readPreviousData(location) : undefined;
}
