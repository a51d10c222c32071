/**
 * Reading the settings of settings.ts from an environment: a value is trimmed and an empty one
 * counts as unset; a former name still works with a one-line warning on stderr, and both names
 * set to different values is an error. Every wrong value is named at once, with an example, in
 * one ConfigError. Each program (site, bot, scripts) builds its schema from `settingsShape` and
 * parses it with `parseSettings` at start-up.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config-error.ts';
import { SETTINGS, type SettingName, type SettingReader, type SettingValue } from './settings.ts';

export type { SettingName, SettingValue } from './settings.ts';

/** An environment: process.env, or a plain object in tests. */
export type Env = Record<string, string | undefined>;

/** Writes one warning line to stderr, once per former name and process. */
const warned = new Set<string>();
function warnOnce(line: string): void {
  if (warned.has(line)) return;
  warned.add(line);
  process.stderr.write(`${line}\n`);
}

/** The warning for a setting read under its former name. */
export function formerNameWarning(name: SettingName): string {
  const former = SETTINGS[name].formerly!;
  return `warning: ${former} is deprecated: rename it ${name} (its value is used) — ${former} 已改名为 ${name}`;
}

const blankIsUnset = (v: unknown) =>
  typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v;

/** The zod shape of some settings, keyed by name, to compose into a program's environment schema. */
export function settingsShape<const N extends SettingName>(
  names: readonly N[],
): { [K in N]: z.ZodPipe<z.ZodTransform, (typeof SETTINGS)[K]['schema']> } {
  return Object.fromEntries(
    names.map((n) => [n, z.preprocess(blankIsUnset, SETTINGS[n].schema)]),
  ) as never;
}

/** The settings a program reads (the table's `readers`), in the table's order. */
export function settingNames(reader: SettingReader): SettingName[] {
  return (Object.keys(SETTINGS) as SettingName[]).filter((n) =>
    (SETTINGS[n].readers as readonly SettingReader[]).includes(reader),
  );
}

const isSetting = (name: string): name is SettingName => Object.hasOwn(SETTINGS, name);

/**
 * The environment with each setting's former name moved to its current one (warning once), and
 * the conflicts: both names set, to different values.
 */
export function currentNames(
  env: Env,
  names: readonly string[],
  warn: (line: string) => void = warnOnce,
): { env: Env; conflicts: string[] } {
  // Copied only when a former name is used: every page of a build asks for the date, and
  // copying process.env each time cost 3.7 s of a 20k build (issue 14).
  let out: Env = env;
  const conflicts: string[] = [];
  for (const name of names.filter(isSetting)) {
    const former = SETTINGS[name].formerly;
    const old = former ? blankIsUnset(env[former]) : undefined;
    if (!former || old === undefined) continue;
    const now = blankIsUnset(env[name]);
    if (now === undefined) {
      warn(formerNameWarning(name));
      if (out === env) out = { ...env };
      out[name] = old as string;
    } else if (resolve(String(now)) !== resolve(String(old)) && now !== old) {
      conflicts.push(
        `  ${name}: ${name}="${String(now)}" and its former name ${former}="${String(old)}" differ: keep ${name} alone, e.g. ${name}=${SETTINGS[name].example}, and unset ${former}`,
      );
    }
  }
  return { env: out, conflicts };
}

/**
 * Parses an environment with a program's schema (settings of the table, and the program's own
 * variables), or throws `error` — a ConfigError — naming every wrong variable under `title`.
 */
export function parseSettings<S extends z.ZodObject>(
  schema: S,
  env: Env,
  title: string,
  options: { error?: (message: string) => ConfigError; warn?: (line: string) => void } = {},
): z.output<S> {
  const { env: current, conflicts } = currentNames(env, Object.keys(schema.shape), options.warn);
  const parsed = schema.safeParse(current);
  const lines = [
    ...conflicts,
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`)),
  ];
  if (lines.length) {
    const make = options.error ?? ((m: string) => new ConfigError(m));
    throw make(`${title}\n${lines.join('\n')}`);
  }
  return parsed.data!;
}

const single: Partial<Record<SettingName, z.ZodObject>> = {};

/** One setting, parsed (for code that needs one value: the date, the content root). */
export function readSetting<N extends SettingName>(
  name: N,
  env: Env,
  warn?: (line: string) => void,
): SettingValue<N> {
  // One schema per setting, made once: pages ask for the date and the content root often.
  const schema = (single[name] ??= z.object(settingsShape([name])));
  const data = parseSettings(schema, env, `the environment variable ${name} is not valid:`, {
    ...(warn ? { warn } : {}),
  });
  return (data as Record<string, unknown>)[name] as SettingValue<N>;
}
