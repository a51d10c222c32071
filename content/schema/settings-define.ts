/**
 * The pieces the table of settings (settings.ts) is written with: what a setting documents, an
 * optional setting or one with a default, and the value schemas several settings share (a path,
 * a port, owner/name, an http(s) address). Each refusal names the variable with an example.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

export type SettingReader = 'site' | 'bot' | 'scripts';

export interface Doc {
  /** What the setting does, one line (English). */
  help: string;
  /** A valid value, shown in the documentation and in error messages. */
  example: string;
  readers: readonly SettingReader[];
  /** The setting's former name, still read with a deprecation warning. */
  formerly?: string;
}

/** One setting: its schema takes the trimmed value, undefined when unset or empty. */
export interface Setting<S extends z.ZodType = z.ZodType> extends Doc {
  schema: S;
  /** The default as written in the documentation, when there is one. */
  default?: string;
}

export const optional = <S extends z.ZodType>(schema: S, doc: Doc): Setting<z.ZodOptional<S>> => ({
  ...doc,
  schema: schema.optional(),
});

export const withDefault = <S extends z.ZodType>(
  schema: S,
  value: z.output<S> & {},
  doc: Doc,
): Setting<z.ZodDefault<S>> => ({
  ...doc,
  schema: schema.default(value as never),
  default: String(value),
});

export const path = z.string().transform((p) => resolve(p));
export const text = z.string();
export const port = (name: string, example: number) =>
  z.coerce
    .number({ error: `${name} must be a port number, e.g. ${name}=${example}` })
    .int(`${name} must be a whole number, e.g. ${name}=${example}`)
    .min(1, `${name} must be 1–65535, e.g. ${name}=${example}`)
    .max(65535, `${name} must be 1–65535, e.g. ${name}=${example}`);
export const repoSlug = (name: string, example: string) =>
  z.string().regex(/^[\w.-]+\/[\w.-]+$/, `${name} is owner/name, e.g. ${name}=${example}`);
export const httpUrl = (name: string, example: string, what: string) =>
  z.url({
    protocol: /^https?$/,
    error: (i) =>
      `${name}="${String(i.input)}" is not an http(s) address: write ${what}, e.g. ${name}=${example}`,
  });

export const SITE = ['site'] as const;
export const BOT = ['bot'] as const;
export const BOT_SCRIPTS = ['bot', 'scripts'] as const;
export const ALL = ['site', 'bot', 'scripts'] as const;
