import { NO_CLASSES, ROOT, sameName, sameState, type Frame } from './frames';
import type { Ancestors, SelectorSubject } from './selectors';

/**
 * The reader's open elements (issue 13), in bounded memory however deep a page nests. The
 * outermost `maxHeld` are held one by one. Deeper ones still have their own frame (their inline
 * style and the rules matching them decide whether they hide), but are kept run-length: a run is
 * a frame and how many nested open elements share it, so a new run is made only where the state
 * changes, and 100,000 nested `<div>` cost one run. An element no rule names as an ancestor is
 * kept nameless, so its name does not make a run either. Past `maxRuns` runs (a page built to
 * change state at every level), a deeper element adds to the innermost run: what it holds takes
 * that run's state (`capped` says it happened).
 *
 * Selectors are matched against every held element and the innermost `window` runs: a rule
 * naming an ancestor further out than that (past the cap) is missed, a residual gap.
 */

interface Run {
  readonly frame: Frame;
  readonly nameless: boolean;
  count: number;
}

export class OpenElements {
  private readonly held: Frame[] = [];
  private readonly runs: Run[] = [];
  /** Whether an element was opened past the held ones. */
  deep = false;
  /** Whether an element past the held ones took its parent's state (too many runs). */
  capped = false;
  readonly ancestors: Ancestors;

  constructor(
    private readonly maxHeld: number,
    private readonly maxRuns: number,
    window: number,
  ) {
    const held = this.held;
    const runs = this.runs;
    this.ancestors = {
      get length() {
        return held.length + Math.min(runs.length, window);
      },
      at(index: number): SelectorSubject | undefined {
        if (index < held.length) return held[index];
        return runs[runs.length - Math.min(runs.length, window) + index - held.length]?.frame;
      },
    };
  }

  get top(): Frame {
    return this.runs[this.runs.length - 1]?.frame ?? this.held[this.held.length - 1] ?? ROOT;
  }

  /** Whether the next element opened goes past the held ones. */
  get full(): boolean {
    return this.held.length >= this.maxHeld;
  }

  /** Whether elements past the held ones are open (closing tags then close the innermost). */
  get overflowing(): boolean {
    return this.runs.length > 0;
  }

  /** Opens an element; `nameless` when no selector names it as an ancestor. */
  push(frame: Frame, nameless: boolean): void {
    if (this.held.length < this.maxHeld) {
      this.held.push(frame);
      return;
    }
    this.deep = true;
    const last = this.runs[this.runs.length - 1];
    if (
      last &&
      sameState(last.frame, frame) &&
      (nameless ? last.nameless : !last.nameless && sameName(last.frame, frame))
    ) {
      last.count++;
    } else if (last && this.runs.length >= this.maxRuns) {
      this.capped = true;
      last.count++;
    } else {
      const kept = nameless ? { ...frame, tag: '', id: '', classes: NO_CLASSES } : frame;
      this.runs.push({ frame: kept, nameless, count: 1 });
    }
  }

  /** Closes the innermost element past the held ones; false when there is none. */
  popDeep(): boolean {
    const last = this.runs[this.runs.length - 1];
    if (!last) return false;
    if (--last.count === 0) this.runs.pop();
    return true;
  }

  /** Closes the innermost held element. */
  popHeld(): Frame | undefined {
    return this.held.pop();
  }

  /** Where the innermost held element named `tag` is (-1 when none is open). */
  lastHeld(tag: string): number {
    for (let i = this.held.length - 1; i >= 0; i--) if (this.held[i]?.tag === tag) return i;
    return -1;
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Forgets the elements past the held ones (the page ended). */
  dropDeep(): void {
    this.runs.length = 0;
  }
}
