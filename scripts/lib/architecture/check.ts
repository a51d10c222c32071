/**
 * Checks the architecture (the rules in .dependency-cruiser.cjs) with dependency-cruiser over the
 * code folders, and returns one readable line per violating import or folder cycle.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import './typescript-for-cruiser.ts';

/** The folders and files checked, relative to the project root. */
export const CHECKED = ['bot', 'site', 'content', 'scripts', 'astro.config.mjs'];

/**
 * Folder edges known to close a cycle, reported apart (as `known`) until they are removed. Each
 * says which import makes it and where that import belongs; delete the entry once it is fixed
 * (test/repo/architecture.test.ts fails when an entry no longer closes any cycle).
 */
export const KNOWN_FOLDER_EDGES: { from: string; to: string; why: string }[] = [];

/** One broken rule: which, between what, and the rule's advice. */
export interface Violation {
  rule: string;
  /** `from → to` for an import, `a → b → a` for a folder cycle. */
  path: string;
  advice: string;
  /** The known folder edge (KNOWN_FOLDER_EDGES) this cycle goes through, if any. */
  known?: string;
}

/** What a check saw: how many modules it read, and what breaks a rule. */
export interface ArchitectureReport {
  modules: number;
  /** The violations to fix now. */
  violations: Violation[];
  /** Folder cycles through a known edge (KNOWN_FOLDER_EDGES). */
  known: Violation[];
}

interface RuleSet {
  forbidden: { name: string; comment?: string }[];
  options: Record<string, unknown>;
}

/** Runs the rules of `<root>/.dependency-cruiser.cjs` over `paths` (default CHECKED) under root. */
export async function checkArchitecture(
  root: string,
  paths: string[] = CHECKED,
): Promise<ArchitectureReport> {
  const { cruise } = await import('dependency-cruiser');
  const rules = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as RuleSet;
  const result = await cruise(paths, {
    ...rules.options,
    baseDir: root,
    validate: true,
    ruleSet: { forbidden: rules.forbidden },
  } as Parameters<typeof cruise>[1]);
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text');
  const advice = new Map(rules.forbidden.map((r) => [r.name, r.comment ?? '']));
  const all = result.output.summary.violations.map((v): Violation => {
    const nodes = [v.from, ...(v.cycle ?? []).map((c) => c.name)];
    const edges = new Set(nodes.slice(1).map((to, i) => `${nodes[i]} → ${to}`));
    const known = KNOWN_FOLDER_EDGES.map((k) => `${k.from} → ${k.to}`).find((k) => edges.has(k));
    return {
      rule: v.rule.name,
      path: v.cycle?.length ? nodes.join(' → ') : `${v.from} → ${v.to}`,
      advice: advice.get(v.rule.name) ?? '',
      ...(v.rule.name === 'no-folder-cycle' && known ? { known } : {}),
    };
  });
  return {
    modules: result.output.summary.totalCruised,
    violations: all.filter((v) => !v.known),
    known: all.filter((v) => v.known),
  };
}

/** The violations as text, one per line: `rule: from → to (advice)`. */
export function formatViolations(violations: Violation[]): string {
  return violations.map((v) => `${v.rule}: ${v.path}\n  ${v.advice}`).join('\n');
}
