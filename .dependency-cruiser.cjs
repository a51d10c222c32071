/**
 * The architecture as rules, checked by dependency-cruiser (`npm run depcheck`, and
 * test/repo/architecture.test.ts in the suite). The folders are the layers:
 *
 *   content/   the data and the one schema that defines it: imports no other part
 *   site/      renders content (Astro): imports content/, never bot/ or scripts/
 *   bot/       collects records (Telegram, forges): imports content/, never site/ or scripts/
 *   scripts/   thin CLIs and dev tooling over the parts above: imports any of them
 *   test/      the tests: may import anything; nothing outside test/ imports test/
 *
 * And no two folders depend on each other, directly or round about (a folder cycle).
 *
 * Run it with `npm run depcheck` (scripts/lib/architecture/check.ts), not a bare `npx depcruise`:
 * dependency-cruiser parses .ts with the TypeScript < 7 compiler API, which the check supplies.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      severity: 'error',
      comment:
        'Two folders import each other (directly or through others): move the shared piece into one of them, or into a folder both import.',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-import-of-test',
      severity: 'error',
      comment:
        'Only tests import test/: move what the code needs (a fixture, an emulator) out of test/, or the code that needs it into test/.',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
    {
      name: 'content-imports-no-part',
      severity: 'error',
      comment:
        'content/ is data and its schema: it imports nothing from site/, bot/ or scripts/ (they import it).',
      from: { path: '^content/' },
      to: { path: '^(site|bot|scripts)/' },
    },
    {
      name: 'site-not-bot',
      severity: 'error',
      comment:
        'The site renders content and the bot collects it: they share only content/. Move what both need into content/schema/.',
      from: { path: '^site/' },
      to: { path: '^(bot|scripts)/' },
    },
    {
      name: 'bot-not-site',
      severity: 'error',
      comment:
        'The bot collects content and the site renders it: they share only content/. Move what both need into content/schema/.',
      from: { path: '^bot/' },
      to: { path: '^(site|scripts)/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.astro)/' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.mjs', '.js', '.astro', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
