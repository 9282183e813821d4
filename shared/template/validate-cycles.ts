import type { TemplateProblem } from './validate-problems';
import { problem } from './validate-problems';

/** Longest chain of items whose visibility depends on the next: deeper is a mistake, not a checklist. */
export const MAX_VISIBILITY_CHAIN = 50;

/**
 * Visibility conditions that depend on each other in a circle can never be decided, and a very
 * long chain of them is a mistake. Both found without recursion, so no template can exhaust the
 * stack here or, later, in the engine.
 */
export function cycleProblems(
  dependsOn: Map<string, string[]>,
  itemPaths: Map<string, string>,
): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const pathOf = (id: string) => (itemPaths.get(id) ?? '$').replace(/\.id$/, '.visibleIf');
  const refs = new Map<string, string[]>();
  for (const [id, targets] of dependsOn) {
    refs.set(id, [...new Set(targets.filter((t) => t !== id && itemPaths.has(t)))]);
  }
  const dependents = new Map<string, string[]>();
  const waiting = new Map<string, number>();
  for (const [id, targets] of refs) {
    waiting.set(id, targets.filter((t) => refs.has(t)).length);
    for (const t of targets) dependents.set(t, [...(dependents.get(t) ?? []), id]);
  }
  // Longest chain below each item, resolving items whose references are all resolved.
  const depth = new Map<string, number>();
  const ready = [...refs.keys()].filter((id) => waiting.get(id) === 0);
  while (ready.length > 0) {
    const id = ready.pop()!;
    depth.set(id, 1 + Math.max(0, ...refs.get(id)!.map((t) => depth.get(t) ?? 0)));
    for (const d of dependents.get(id) ?? []) {
      const left = waiting.get(d)! - 1;
      waiting.set(d, left);
      if (left === 0) ready.push(d);
    }
  }
  for (const [id, n] of depth) {
    if (n > MAX_VISIBILITY_CHAIN) {
      out.push(
        problem(
          pathOf(id),
          `显示条件的依赖链超过 ${MAX_VISIBILITY_CHAIN} 层`,
          `the chain of visibility conditions is longer than ${MAX_VISIBILITY_CHAIN}`,
        ),
      );
    }
  }
  // What is left waits on a circle: walk each to its circle and name it once.
  const reported = new Set<string>();
  for (const start of refs.keys()) {
    if (depth.has(start) || reported.has(start)) continue;
    const trail: string[] = [];
    const seenAt = new Map<string, number>();
    let current = start;
    while (!seenAt.has(current)) {
      seenAt.set(current, trail.length);
      trail.push(current);
      current = refs.get(current)!.find((t) => refs.has(t) && !depth.has(t))!;
    }
    const cycle = trail.slice(seenAt.get(current));
    if (cycle.some((id) => reported.has(id))) continue;
    for (const id of cycle) reported.add(id);
    const names = [...cycle, current].join(' → ');
    out.push(
      problem(
        pathOf(cycle[0]!),
        `显示条件循环引用：${names}`,
        `visibility conditions form a cycle: ${names}`,
      ),
    );
  }
  return out;
}
