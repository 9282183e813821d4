import type { TextHit, WordMatcher } from '../page';
import { FOLD_TABLE } from '../text/fold';
import type { WordTerm } from './word-list';

/**
 * The word-list matcher (issue 13): Aho-Corasick over UTF-16 code units, built in typed arrays.
 * Terms are data, never a pattern: no RegExp is built from them.
 *
 * Terms are folded (parseWordList folds them); the text may be folded or not: each code unit is
 * read through a table that gives the class of its folded form (shared/scan/text/fold.ts), so
 * `find(text)` and `find(foldText(text))` give the same hits, and folding costs the scan nothing.
 *
 * Built in two steps. The automaton: states numbered breadth-first; each state's children a
 * contiguous, sorted slice of `edgeChar`/`edgeNext` (CSR); failure links; a state's `out` is the
 * term ending there (or -1) and `dict` the nearest state down its failure chain that ends a
 * term, so every occurrence is reported, overlapping ones too. Then the runner the scan uses
 * (see Runner): code-unit classes, and full transition rows for the shallow states.
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

/** How many cells the dense transition rows may have (4 MB of Int32, per compiled list). */
export const DENSE_CELLS = 1 << 20;

/**
 * The automaton as the scan runs it. Code units are mapped to classes (`classOf`: 0 for a code
 * unit in no term, else 1…K in order of code), so a character no term holds sends any state
 * straight to the root with one read. The first `denseStates` states (breadth-first: the
 * shallow ones, where the scan spends its time) have full rows of K + 1 next states, failure
 * links already followed; deeper ones keep their sparse edges (by class, ascending) and follow
 * failure links until they reach a dense state. `report` is the first state down the output
 * chain that ends a term (the state itself, or `dict`), or -1.
 */
interface Runner {
  classOf: Uint16Array;
  width: number;
  denseStates: number;
  dense: Int32Array;
  edgeStart: Int32Array;
  edgeClass: Uint16Array;
  edgeNext: Int32Array;
  fail: Int32Array;
  out: Int32Array;
  dict: Int32Array;
  report: Int32Array;
}

function buildRunner(a: Automaton, cells: number): Runner {
  const size = a.fail.length;
  const edges = a.edgeStart[size] ?? 0;
  const termClass = new Uint16Array(65536);
  for (let e = 0; e < edges; e++) termClass[a.edgeChar[e] ?? 0] = 1;
  let classes = 0;
  for (let code = 0; code < 65536; code++) if (termClass[code] !== 0) termClass[code] = ++classes;
  // A text's code unit is read as its folded form's class: folding costs the scan nothing.
  const classOf = new Uint16Array(65536);
  for (let code = 0; code < 65536; code++) classOf[code] = termClass[FOLD_TABLE[code] ?? 0] ?? 0;
  const width = classes + 1;
  const denseStates = Math.max(1, Math.min(size, Math.floor(cells / width)));
  const dense = new Int32Array(denseStates * width);
  const edgeClass = new Uint16Array(edges);
  for (let e = 0; e < edges; e++) edgeClass[e] = termClass[a.edgeChar[e] ?? 0] ?? 0;
  for (let state = 0; state < denseStates; state++) {
    const row = state * width;
    if (state !== 0) {
      const from = (a.fail[state] ?? 0) * width; // numbered before this state: its row is done
      dense.copyWithin(row, from, from + width);
    }
    for (let e = a.edgeStart[state] ?? 0; e < (a.edgeStart[state + 1] ?? 0); e++)
      dense[row + (edgeClass[e] ?? 0)] = a.edgeNext[e] ?? 0;
  }
  const report = new Int32Array(size);
  for (let state = 0; state < size; state++)
    report[state] = (a.out[state] ?? -1) >= 0 ? state : (a.dict[state] ?? -1);
  const { edgeStart, edgeNext, fail, out, dict } = a;
  return {
    ...{ classOf, width, denseStates, dense, edgeStart, edgeClass },
    ...{ edgeNext, fail, out, dict, report },
  };
}

/** Every occurrence's term index and end offset, as pairs (term, end), in order of end. */
function scan(r: Runner, text: string, found: number[]): void {
  const { classOf, width, denseStates, dense, edgeStart, edgeClass, edgeNext } = r;
  const { fail, out, dict, report } = r;
  const length = text.length;
  let state = 0;
  for (let i = 0; i < length; i++) {
    let cls = classOf[text.charCodeAt(i)] as number;
    if (cls === 0) {
      // At the root: skip, in a loop of its own, the characters no term holds.
      for (i++; i < length; i++) {
        cls = classOf[text.charCodeAt(i)] as number;
        if (cls !== 0) break;
      }
      if (i === length) return;
      state = dense[cls] as number;
    } else {
      let next = -1;
      while (state >= denseStates) {
        let e = edgeStart[state] as number;
        const stop = edgeStart[state + 1] as number;
        while (e < stop && (edgeClass[e] as number) < cls) e++;
        if (e < stop && edgeClass[e] === cls) {
          next = edgeNext[e] as number;
          break;
        }
        state = fail[state] as number;
      }
      state = next >= 0 ? next : (dense[state * width + cls] as number);
    }
    for (let s = report[state] as number; s > 0; s = dict[s] as number)
      found.push(out[s] as number, i + 1);
  }
}

/**
 * The matcher of a word list's terms (folded, as parseWordList gives them). `categories` are
 * the list's categories (its sections with no terms too); by default, the terms' own.
 * `denseCells` bounds the dense rows (tests make it small to run the sparse states).
 */
export function compileWords(
  terms: readonly WordTerm[],
  categories?: readonly string[],
  options: { denseCells?: number } = {},
): WordMatcher {
  const words = terms.map((t) => t.term).filter((term) => term.length > 0);
  const kept = terms.filter((t) => t.term.length > 0);
  const order = words.map((_, k) => k);
  order.sort((x, y) => {
    const a = words[x] ?? '';
    const b = words[y] ?? '';
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const automaton = buildRunner(
    buildAutomaton(buildTrie(words, order)),
    options.denseCells ?? DENSE_CELLS,
  );
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
