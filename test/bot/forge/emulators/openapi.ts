/**
 * Loads GitHub's official OpenAPI description (@octokit/openapi) cut down to the operations a
 * test needs (with every component they reference), and wraps it in openapi-backend so an
 * emulator validates each request it receives and each response it sends against it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { OpenAPIBackend, type Document } from 'openapi-backend';

type Json = Record<string, unknown>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

let full: Json | undefined;

/** GitHub's description of api.github.com (13 MB, parsed once per test file). */
export function githubSpec(): Json {
  if (!full) {
    const require = createRequire(import.meta.url);
    full = JSON.parse(
      readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8'),
    ) as Json;
  }
  return full;
}

/** The description with only the given operations and the components they reference. */
export function trimSpec(spec: Json, operationIds: readonly string[]): Json {
  const paths: Record<string, Json> = {};
  const found = new Set<string>();
  for (const [path, item] of Object.entries(spec.paths as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (op && operationIds.includes(op.operationId as string)) {
        paths[path] = {
          ...(paths[path] ?? {}),
          [method]: op,
          ...(item.parameters ? { parameters: item.parameters } : {}),
        };
        found.add(op.operationId as string);
      }
    }
  }
  const missing = operationIds.filter((id) => !found.has(id));
  if (missing.length)
    throw new Error(
      `the API description has no operation ${missing.join(', ')}: check the operation ids against @octokit/openapi`,
    );
  const components = spec.components as Record<string, Record<string, unknown>>;
  const kept: Record<string, Record<string, unknown>> = {};
  const seen = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (
          k === '$ref' &&
          typeof v === 'string' &&
          v.startsWith('#/components/') &&
          !seen.has(v)
        ) {
          seen.add(v);
          const [, , section, name] = v.split('/') as [string, string, string, string];
          (kept[section] ??= {})[name] = components[section]![name];
          walk(components[section]![name]);
        } else walk(v);
      }
    }
  };
  walk(paths);
  return normaliseNullable(
    structuredClone({
      openapi: spec.openapi,
      info: spec.info,
      servers: spec.servers,
      paths,
      components: kept,
    }),
  );
}

/**
 * OpenAPI 3.0 allows `nullable: true` beside allOf/anyOf without a `type`; Ajv refuses that, so
 * such a schema becomes `anyOf: [schema, {type: null}]`, which means the same.
 */
function normaliseNullable<T>(node: T): T {
  if (Array.isArray(node)) return node.map(normaliseNullable) as T;
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = normaliseNullable(v);
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] } as T;
  }
  return out as T;
}

/** A validating openapi-backend for a trimmed description. */
export async function validatingBackend(definition: Json): Promise<OpenAPIBackend> {
  const api = new OpenAPIBackend({
    definition: definition as unknown as Document,
    strict: false,
    validate: true,
    coerceTypes: true,
    ajvOpts: { strict: false, allErrors: true, validateFormats: false },
    // Handlers are dispatched by the emulator itself; openapi-backend only matches and validates.
    handlers: { notImplemented: () => undefined },
  });
  await api.init();
  return api;
}

/** The example body the description gives for an operation's response, deep-copied. */
export function exampleResponse(spec: Json, operationId: string, status: string): unknown {
  for (const item of Object.values(spec.paths as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (op?.operationId !== operationId) continue;
      const content = ((op.responses as Json)[status] as Json | undefined)?.content as
        Record<string, Json> | undefined;
      const examples = content?.['application/json']?.examples as Record<string, Json> | undefined;
      const first = examples && Object.values(examples)[0];
      const value = first?.value ?? resolveExample(spec, first);
      if (value !== undefined) return structuredClone(value);
    }
  }
  throw new Error(`the API description has no example for ${operationId} ${status}`);
}

function resolveExample(spec: Json, example: Json | undefined): unknown {
  const ref = example?.$ref as string | undefined;
  if (!ref) return undefined;
  const [, , section, name] = ref.split('/') as [string, string, string, string];
  return (spec.components as Record<string, Record<string, Json>>)[section]![name]!.value;
}
