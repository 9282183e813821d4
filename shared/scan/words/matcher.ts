import type { TextHit, WordMatcher } from '../page';
import type { WordTerm } from './word-list';

/**
 * The word-list matcher (issue 13): Aho-Corasick over UTF-16 code units of folded text, built in
 * typed arrays. Terms are data, never a pattern: no RegExp is built from them.
 *
 * Layout: states are numbered breadth-first; each state's children are a contiguous, sorted
 * slice of `edgeChar`/`edgeNext` (CSR). The root has a dense table over all 65,536 code units, so
 * the common case — a character no term starts with — costs one array read. Below the root a
 * miss follows failure links. A state's `out` is the term ending there (or -1) and `dict` the
 * nearest state down its failure chain that ends a term, so every occurrence is reported,
 * overlapping ones too.
 *
 * Built from the terms sorted, each term only adds the nodes past its common prefix with the
 * one before, so building costs O(total characters · log) with no hashing.
 */

interface Trie {
  /** Per node: first child, next sibling, its character, the term ending there (or -1). */
  firstChild: Int32Array;
  nextSibling: Int32Array;
  char: Uint16Array;
  term: Int32Array;
  size: number;
}

function commonPrefix(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  let k = 0;
  while (k < length && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}

/** The trie of the terms, built in sorted order (children in ascending order of character). */
function buildTrie(terms: readonly string[], order: readonly number[]): Trie {
  let nodes = 1;
  for (const term of terms) nodes += term.length;
  const trie: Trie = {
    firstChild: new Int32Array(nodes).fill(-1),
    nextSibling: new Int32Array(nodes).fill(-1),
    char: new Uint16Array(nodes),
    term: new Int32Array(nodes).fill(-1),
    size: 1,
  };
  const lastChild = new Int32Array(nodes).fill(-1);
  const path: number[] = [0];
  let previous = '';
  for (const index of order) {
    const term = terms[index] ?? '';
    const shared = commonPrefix(previous, term);
    path.length = shared + 1;
    for (let k = shared; k < term.length; k++) {
      const parent = path[k] ?? 0;
      const node = trie.size++;
      trie.char[node] = term.charCodeAt(k);
      const last = lastChild[parent] ?? -1;
      if (last < 0) trie.firstChild[parent] = node;
      else trie.nextSibling[last] = node;
      lastChild[parent] = node;
      path.push(node);
    }
    const end = path[term.length] ?? 0;
    if ((trie.term[end] ?? -1) < 0) trie.term[end] = index;
    previous = term;
  }
  return trie;
}

interface Automaton {
  root: Int32Array;
  edgeStart: Int32Array;
  edgeChar: Uint16Array;
  edgeNext: Int32Array;
  fail: Int32Array;
  out: Int32Array;
  dict: Int32Array;
}

function child(a: Automaton, state: number, code: number): number {
  if (state === 0) return a.root[code] ?? 0;
  let low = a.edgeStart[state] ?? 0;
  let high = a.edgeStart[state + 1] ?? 0;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const c = a.edgeChar[mid] ?? 0;
    if (c === code) return a.edgeNext[mid] ?? -1;
    if (c < code) low = mid + 1;
    else high = mid;
  }
  return -1;
}

/** Renumbers the trie breadth-first into CSR arrays, then sets failure and output links. */
function buildAutomaton(trie: Trie): Automaton {
  const size = trie.size;
  const a: Automaton = {
    root: new Int32Array(65536),
    edgeStart: new Int32Array(size + 1),
    edgeChar: new Uint16Array(size),
    edgeNext: new Int32Array(size),
    fail: new Int32Array(size),
    out: new Int32Array(size).fill(-1),
    dict: new Int32Array(size).fill(-1),
  };
  const trieOf = new Int32Array(size); // new number → trie node
  trieOf[0] = 0;
  let assigned = 1;
  let edges = 0;
  for (let state = 0; state < assigned; state++) {
    const node = trieOf[state] ?? 0;
    a.out[state] = trie.term[node] ?? -1;
    a.edgeStart[state] = edges;
    for (let c = trie.firstChild[node] ?? -1; c >= 0; c = trie.nextSibling[c] ?? -1) {
      const next = assigned++;
      trieOf[next] = c;
      a.edgeChar[edges] = trie.char[c] ?? 0;
      a.edgeNext[edges++] = next;
      if (state === 0) a.root[trie.char[c] ?? 0] = next;
    }
  }
  a.edgeStart[assigned] = edges;
  // Breadth-first order means a state's failure target is always numbered before it.
  for (let state = 0; state < assigned; state++) {
    for (let e = a.edgeStart[state] ?? 0; e < (a.edgeStart[state + 1] ?? 0); e++) {
      const next = a.edgeNext[e] ?? 0;
      const code = a.edgeChar[e] ?? 0;
      let target = 0;
      if (state !== 0) {
        let f = a.fail[state] ?? 0;
        for (;;) {
          const step = child(a, f, code);
          if (step > 0) {
            target = step;
            break;
          }
          if (f === 0) break;
          f = a.fail[f] ?? 0;
        }
      }
      a.fail[next] = target;
      a.dict[next] = (a.out[target] ?? -1) >= 0 ? target : (a.dict[target] ?? -1);
    }
  }
  return a;
}

/** Every occurrence's term index and end offset, as pairs (term, end), in order of end. */
function scan(a: Automaton, text: string, found: number[]): void {
  const { root, edgeStart, edgeChar, edgeNext, fail, out, dict } = a;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    for (;;) {
      if (state === 0) {
        state = root[code] as number;
        break;
      }
      let e = edgeStart[state] as number;
      const stop = edgeStart[state + 1] as number;
      while (e < stop && (edgeChar[e] as number) < code) e++;
      if (e < stop && edgeChar[e] === code) {
        state = edgeNext[e] as number;
        break;
      }
      state = fail[state] as number;
    }
    if (state === 0) continue;
    let s = (out[state] as number) >= 0 ? state : (dict[state] as number);
    while (s > 0) {
      found.push(out[s] as number, i + 1);
      s = dict[s] as number;
    }
  }
}

/**
 * The matcher of a word list's terms (folded, as parseWordList gives them). `categories` are
 * the list's categories (its sections with no terms too); by default, the terms' own.
 */
export function compileWords(
  terms: readonly WordTerm[],
  categories?: readonly string[],
): WordMatcher {
  const words = terms.map((t) => t.term).filter((term) => term.length > 0);
  const kept = terms.filter((t) => t.term.length > 0);
  const order = words.map((_, k) => k);
  order.sort((x, y) => {
    const a = words[x] ?? '';
    const b = words[y] ?? '';
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const automaton = buildAutomaton(buildTrie(words, order));
  const listed = categories ?? [
    ...new Set(kept.map((t) => t.category).filter((c): c is string => c !== null)),
  ];
  return {
    terms: new Set(words).size,
    categories: listed,
    find(text: string): readonly TextHit[] {
      const found: number[] = [];
      scan(automaton, text, found);
      const hits: TextHit[] = [];
      for (let k = 0; k < found.length; k += 2) {
        const term = kept[found[k] as number];
        if (!term) continue;
        const end = found[k + 1] as number;
        const start = end - term.term.length;
        const hit: TextHit = { detector: 'word', start, end, raw: text.slice(start, end) };
        hits.push(term.category === null ? hit : { ...hit, category: term.category });
      }
      return hits;
    },
  };
}
