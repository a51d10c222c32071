/**
 * JSON Schemas made from a client library's TypeScript typings (ts-json-schema-generator), for
 * forges whose published API description no npm package carries: gitea-js is generated from
 * Gitea's swagger, @gitbeaker/core types GitLab's API. An emulator validates the bodies it
 * receives against them with Ajv.
 */
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { createGenerator } from 'ts-json-schema-generator';

const nodeModules = new URL('../../../../node_modules', import.meta.url).pathname;

/** Validators for the named types of a package's declaration file (path under node_modules/). */
export function validatorsFromTypings(
  dts: string,
  types: readonly string[],
): Record<string, ValidateFunction> {
  const generator = createGenerator({
    path: join(nodeModules, dts),
    type: '*',
    skipTypeCheck: true,
    expose: 'all',
    topRef: false,
    jsDoc: 'none',
  });
  const ajv = new Ajv({ strict: false, allErrors: true });
  return Object.fromEntries(types.map((t) => [t, ajv.compile(generator.createSchema(t))]));
}

/** snake_case keys to camelCase, deeply (GitLab's wire format to gitbeaker's typings). */
export function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
      camelKeys(v),
    ]),
  );
}
