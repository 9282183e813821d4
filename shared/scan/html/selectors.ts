import type { Compound, CssRule } from './css';

/** An open element as selectors see it. */
export interface SelectorSubject {
  readonly tag: string;
  readonly id: string;
  readonly classes: readonly string[];
}

function matches(c: Compound, e: SelectorSubject): boolean {
  if (c.tag !== null && c.tag !== e.tag) return false;
  if (c.id !== null && c.id !== e.id) return false;
  for (const cls of c.classes) if (!e.classes.includes(cls)) return false;
  return true;
}

const NONE: readonly CssRule[] = [];

function push(map: Map<string, CssRule[]>, key: string, rule: CssRule): void {
  const list = map.get(key);
  if (list) list.push(rule);
  else map.set(key, [rule]);
}

/**
 * A page's style rules indexed by the last compound of their selector (id, else first class,
 * else tag), so an element is checked only against rules that could match it; the ancestors of
 * a descendant selector are looked for among the open elements.
 */
export class RuleIndex {
  private readonly byId = new Map<string, CssRule[]>();
  private readonly byClass = new Map<string, CssRule[]>();
  private readonly byTag = new Map<string, CssRule[]>();
  private readonly universal: CssRule[] = [];
  readonly size: number;

  constructor(rules: readonly CssRule[]) {
    for (const rule of rules) {
      const last = rule.chain[rule.chain.length - 1];
      if (!last) continue;
      if (last.id !== null) push(this.byId, last.id, rule);
      else if (last.classes[0] !== undefined) push(this.byClass, last.classes[0], rule);
      else if (last.tag !== null) push(this.byTag, last.tag, rule);
      else this.universal.push(rule);
    }
    this.size = rules.length;
  }

  /** The rules matching an element whose open ancestors are `ancestors` (outermost first). */
  match(element: SelectorSubject, ancestors: readonly SelectorSubject[]): readonly CssRule[] {
    if (this.size === 0) return NONE;
    const byId = element.id ? this.byId.get(element.id) : undefined;
    const byTag = this.byTag.get(element.tag);
    let byClass = false;
    for (const cls of element.classes) byClass ||= this.byClass.has(cls);
    if (!byId && !byTag && !byClass && this.universal.length === 0) return NONE;
    const candidates: CssRule[] = [...this.universal, ...(byId ?? []), ...(byTag ?? [])];
    for (const cls of element.classes) candidates.push(...(this.byClass.get(cls) ?? []));
    const found: CssRule[] = [];
    for (const rule of candidates) {
      if (!found.includes(rule) && chainMatches(rule.chain, element, ancestors)) found.push(rule);
    }
    return found;
  }
}

function chainMatches(
  chain: readonly Compound[],
  element: SelectorSubject,
  ancestors: readonly SelectorSubject[],
): boolean {
  const last = chain[chain.length - 1];
  if (!last || !matches(last, element)) return false;
  let at = ancestors.length - 1;
  for (let i = chain.length - 2; i >= 0; i--) {
    const want = chain[i];
    if (!want) return false;
    while (at >= 0 && !matches(want, ancestors[at] as SelectorSubject)) at--;
    if (at < 0) return false;
    at--;
  }
  return true;
}
