/**
 * Reading package-lock.json (lockfileVersion 3) the way npm resolves it: a dependency of the
 * package at node_modules/a/node_modules/b is the nearest node_modules/<name> walking up.
 */

/** One entry of the lockfile's `packages` map. */
export interface LockEntry {
  version?: string;
  os?: string[];
  cpu?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** The parts of package-lock.json these checks read. */
export interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

/** The key of the entry a dependency `name` of the package at `from` resolves to, if any. */
export function resolveInLock(lock: Lockfile, from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const key = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (lock.packages[key]) return key;
    if (!dir) return undefined;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '' : dir.slice(0, cut);
  }
}

/** True when an entry is a platform binary: it declares the systems or CPUs it installs on. */
export function isPlatformBinary(entry: LockEntry | undefined): boolean {
  return !!entry && (!!entry.os?.length || !!entry.cpu?.length);
}

/**
 * Every optional dependency that is missing from the lockfile under a package that ships platform
 * binaries (at least one of its optional dependencies is locked with `os` or `cpu`): the other
 * platforms' binaries lost when a lockfile is written from one machine's node_modules.
 */
export function missingPlatformBinaries(lock: Lockfile): string[] {
  const missing: string[] = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    const optional = Object.entries(entry.optionalDependencies ?? {});
    const found = optional.map(([name]) => resolveInLock(lock, key, name));
    if (!found.some((k) => k && isPlatformBinary(lock.packages[k]))) continue;
    optional.forEach(([name, range], i) => {
      if (!found[i]) missing.push(`${key || '(root)'} → ${name}@${range}`);
    });
  }
  return missing;
}

/** The packages that ship platform binaries, with how many platforms each has locked. */
export function platformBinaryParents(lock: Lockfile): Map<string, number> {
  const parents = new Map<string, number>();
  for (const [key, entry] of Object.entries(lock.packages)) {
    const binaries = Object.keys(entry.optionalDependencies ?? {})
      .map((name) => resolveInLock(lock, key, name))
      .filter((k) => k && isPlatformBinary(lock.packages[k]));
    if (binaries.length) parents.set(key, binaries.length);
  }
  return parents;
}
