/**
 * npm run depcheck
 *
 * Checks the architecture rules of .dependency-cruiser.cjs (layers and folder cycles) over bot/,
 * site/, content/ and scripts/; prints each violating import or folder cycle with what to do, and
 * exits 1 when there is one. Known cycles (KNOWN_FOLDER_EDGES) are listed but do not fail.
 */
import {
  checkArchitecture,
  formatViolations,
  KNOWN_FOLDER_EDGES,
} from './lib/architecture/check.ts';

const report = await checkArchitecture(new URL('..', import.meta.url).pathname);
if (report.known.length) {
  console.log(`known (to fix), ${report.known.length} folder cycles through:`);
  for (const k of KNOWN_FOLDER_EDGES) console.log(`  ${k.from} → ${k.to}: ${k.why}`);
}
if (report.violations.length) {
  console.error(formatViolations(report.violations));
  console.error(`${report.violations.length} violations in ${report.modules} modules`);
  process.exit(1);
}
console.log(`depcheck: ${report.modules} modules, no violation`);
