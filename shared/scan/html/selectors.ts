import type { Compound, CssRule } from './css';
import { ALL_SCREENS } from './media';

/** An open element as selectors see it. */
export interface SelectorSubject {
  readonly tag: string;
  readonly id: string;
  readonly classes: readonly string[];
}

/** The open ancestors of an element, outermost first (an array, or a view of the reader's). */
export interface Ancestors {
  readonly length: number;
  at(index: number): SelectorSubject | undefined;
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
  /** The ids, classes (with their dot) and tags named by a compound other than the last. */
  private readonly ancestorNames = new Set<string>();
  readonly size: number;
  /** Whether some rule applies on some screens only (media.ts). */
  readonly responsive: boolean;

  constructor(rules: readonly CssRule[]) {
    let responsive = false;
    for (const rule of rules) {
      const last = rule.chain[rule.chain.length - 1];
      if (!last) continue;
      responsive ||= rule.media !== ALL_SCREENS;
      for (const c of rule.chain.slice(0, -1)) {
        if (c.id !== null) this.ancestorNames.add(`#${c.id}`);
        for (const cls of c.classes) this.ancestorNames.add(`.${cls}`);
        if (c.tag !== null) this.ancestorNames.add(c.tag);
      }
      if (last.id !== null) push(this.byId, last.id, rule);
      else if (last.classes[0] !== undefined) push(this.byClass, last.classes[0], rule);
      else if (last.tag !== null) push(this.byTag, last.tag, rule);
      else this.universal.push(rule);
    }
    this.size = rules.length;
    this.responsive = responsive;
  }

  /**
   * Whether an element could be the ancestor a rule's selector looks for: when it cannot, its
   * tag, id and classes matter to no selector (a universal compound matches it whatever they are).
   */
  namesAncestor(element: SelectorSubject): boolean {
    if (this.ancestorNames.size === 0) return false;
    if (this.ancestorNames.has(element.tag)) return true;
    if (element.id !== '' && this.ancestorNames.has(`#${element.id}`)) return true;
    return element.classes.some((cls) => this.ancestorNames.has(`.${cls}`));
  }

  /** Whether some rule might match the element, its ancestors aside (cheap). */
  mayMatch(element: SelectorSubject): boolean {
    if (this.size === 0) return false;
    if (this.universal.length > 0 || this.byTag.has(element.tag)) return true;
    if (element.id !== '' && this.byId.has(element.id)) return true;
    return element.classes.some((cls) => this.byClass.has(cls));
  }

  /** The rules matching an element whose open ancestors are `ancestors` (outermost first). */
  match(element: SelectorSubject, ancestors: Ancestors): readonly CssRule[] {
    if (!this.mayMatch(element)) return NONE;
    const byId = element.id ? this.byId.get(element.id) : undefined;
    const byTag = this.byTag.get(element.tag);
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
  ancestors: Ancestors,
): boolean {
  const last = chain[chain.length - 1];
  if (!last || !matches(last, element)) return false;
  let at = ancestors.length - 1;
  for (let i = chain.length - 2; i >= 0; i--) {
    const want = chain[i];
    if (!want) return false;
    while (at >= 0 && !matches(want, ancestors.at(at) as SelectorSubject)) at--;
    if (at < 0) return false;
    at--;
  }
  return true;
}
