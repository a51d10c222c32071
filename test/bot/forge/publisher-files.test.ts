/**
 * The publisher's CI files: every GitHub/Gitea workflow is valid against the workflow schema
 * (@action-validator/core), and every npm command they run exists in package.json with the
 * options the review CLI accepts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT, sampleFile } from '../../fixtures/roots.ts';

const root = PROJECT_ROOT;
const workflows = ['.github/workflows', '.gitea/workflows'].flatMap((d) =>
  readdirSync(join(root, d)).map((f) => join(d, f)),
);
const scripts = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const reviewOptions = [
  ...readFileSync(join(root, 'scripts/review.ts'), 'utf8').matchAll(
    /^\s+'?([a-z-]+)'?: \{ type: '(?:string|boolean)'/gm,
  ),
].map((m) => m[1]);

describe('publisher CI files', () => {
  it.each(workflows)('%s is a valid workflow', (file) => {
    const state = validateWorkflow(readFileSync(join(root, file), 'utf8'));
    expect(state.errors).toEqual([]);
  });

  it.each([...workflows, '.gitlab-ci.yml'])(
    '%s runs only npm scripts that exist, with options review accepts',
    (file) => {
      const text = readFileSync(join(root, file), 'utf8');
      parse(text);
      for (const [, script, args] of text.matchAll(/npm run(?: -s)? ([a-z]+)(?: -- ([^\n]*))?/g)) {
        expect(scripts, `${file}: npm run ${script}`).toHaveProperty(script!);
        if (script === 'review')
          for (const [, option] of (args ?? '').matchAll(/--([a-z-]+)/g))
            expect(reviewOptions, `${file}: review --${option}`).toContain(option);
      }
    },
  );

  it('the reviewers file names a 审核 and a 审定', () => {
    const data = parse(readFileSync(sampleFile('reviewers.yml'), 'utf8')) as {
      reviewers: { role: string }[];
    };
    expect(new Set(data.reviewers.map((r) => r.role))).toEqual(new Set(['review', 'approve']));
  });
});
