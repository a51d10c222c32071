/**
 * Gives dependency-cruiser a TypeScript compiler it can use. It parses .ts with the classic
 * compiler API (TypeScript < 7); the project's own `typescript` is 7 (the native compiler, no
 * such API), so dependency-cruiser would skip every .ts file in silence. The TypeScript 6 that
 * ts-json-schema-generator (a devDependency) requires is resolved instead, for dependency-cruiser
 * only: a resolve hook answers its imports of `typescript` from ts-json-schema-generator's folder.
 * Import this module before dependency-cruiser.
 */
import { createRequire, registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

/** Resolves as ts-json-schema-generator does (its own node_modules, then the project's). */
const fromTsHost = createRequire(
  new URL('../../../node_modules/ts-json-schema-generator/package.json', import.meta.url),
);

registerHooks({
  resolve(specifier, context, nextResolve) {
    const forCruiser = context.parentURL?.includes('/node_modules/dependency-cruiser/');
    const isTypeScript = specifier === 'typescript' || specifier.startsWith('typescript/');
    if (!forCruiser || !isTypeScript) return nextResolve(specifier, context);
    return { url: pathToFileURL(fromTsHost.resolve(specifier)).href, shortCircuit: true };
  },
});
