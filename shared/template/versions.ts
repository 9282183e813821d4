/**
 * Template versions in order: dotted numbers compared part by part ("2026.10" after "2026.9"),
 * a missing part counting as 0. (No zod: the renderer uses it.)
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The versions of `id` among `refs`, oldest first. */
export function versionsOf(
  refs: readonly { readonly id: string; readonly version: string }[],
  id: string,
): string[] {
  return refs
    .filter((r) => r.id === id)
    .map((r) => r.version)
    .sort(compareVersions);
}

/** What to compare a version with by default: the one before it (or after it, for the oldest). */
export function defaultPair(versions: readonly string[], version: string): [string, string] {
  const at = versions.indexOf(version);
  if (at > 0) return [versions[at - 1]!, version];
  return [version, versions[at + 1] ?? version];
}
