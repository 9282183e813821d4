import type { HidingTrick } from '../detectors';
import type { CssRule } from './css';
import { FOOTER_NAME } from './elements';
import {
  cascade,
  sameVisibility,
  trickOf,
  VISIBLE,
  visibilityOf,
  type Attributes,
  type Visibility,
} from './hiding';
import { ALL_SCREENS, SCREEN_COUNT } from './media';
import type { Ancestors, RuleIndex, SelectorSubject } from './selectors';

/**
 * What an open element passes on to what it holds (issue 13): its name for selectors, whether
 * it hides (on each representative screen, media.ts), whether it is the footer or foreign
 * content. An element is hidden when it is hidden on every screen: a menu folded away on phones
 * is seen on a desktop.
 */
export interface Frame extends SelectorSubject {
  /** On the first screen (a desktop). */
  readonly visibility: Visibility;
  /** On the other screens, in order; null when they are all as on the first. */
  readonly others: readonly Visibility[] | null;
  readonly footer: boolean;
  /** Inside <svg> or <math>, where `<x/>` closes itself. */
  readonly foreign: boolean;
}

export const NO_CLASSES: readonly string[] = [];

export const ROOT: Frame = {
  tag: '',
  id: '',
  classes: NO_CLASSES,
  visibility: VISIBLE,
  others: null,
  footer: false,
  foreign: false,
};

const NO_RULES: readonly CssRule[] = [];

/** How what an element holds is hidden on every screen (the first's trick), or null. */
export function frameTrick(frame: Frame): HidingTrick | null {
  const trick = trickOf(frame.visibility);
  if (trick === null || frame.others === null) return trick;
  return frame.others.every((v) => trickOf(v) !== null) ? trick : null;
}

/** Whether two frames pass on the same, their names aside. */
export function sameState(a: Frame, b: Frame): boolean {
  if (a === b) return true;
  if (a.footer !== b.footer || a.foreign !== b.foreign) return false;
  if (!sameVisibility(a.visibility, b.visibility)) return false;
  if (a.others === b.others) return true;
  if (a.others === null || b.others === null) return false;
  const others = b.others;
  return a.others.every((v, i) => {
    const w = others[i];
    return w !== undefined && sameVisibility(v, w);
  });
}

/** Whether two elements look alike to selectors. */
export function sameName(a: SelectorSubject, b: SelectorSubject): boolean {
  return (
    a.tag === b.tag &&
    a.id === b.id &&
    a.classes.length === b.classes.length &&
    a.classes.every((c, i) => b.classes[i] === c)
  );
}

/** An element's frame, from its parent's, the page's rules and its open ancestors. */
export function makeFrame(
  rules: RuleIndex,
  tag: string,
  attrs: Attributes,
  parent: Frame,
  ancestors: Ancestors,
): Frame {
  const id = attrs.get('id') ?? '';
  const className = attrs.get('class') ?? '';
  const classes = className === '' ? NO_CLASSES : className.split(/\s+/).filter((c) => c !== '');
  const inline = attrs.get('style');
  const matched = rules.size === 0 ? NO_RULES : rules.match({ tag, id, classes }, ancestors);
  let visibility: Visibility;
  let others: readonly Visibility[] | null = null;
  if (parent.others === null && matched.every((r) => r.media === ALL_SCREENS)) {
    visibility = visibilityOf(parent.visibility, tag, attrs, cascade(matched, inline));
  } else {
    const views: Visibility[] = [];
    for (let screen = 0; screen < SCREEN_COUNT; screen++) {
      const on = matched.filter((r) => (r.media & (1 << screen)) !== 0);
      const from = screen === 0 ? parent.visibility : parent.others?.[screen - 1];
      views.push(visibilityOf(from ?? parent.visibility, tag, attrs, cascade(on, inline)));
    }
    const [first = VISIBLE, ...rest] = views;
    visibility = first;
    others = rest.every((v) => sameVisibility(v, first)) ? null : rest;
  }
  const named = (id !== '' || className !== '') && FOOTER_NAME.test(`${id} ${className}`);
  const footer = parent.footer || tag === 'footer' || named;
  const foreign = parent.foreign || tag === 'svg' || tag === 'math';
  return { tag, id, classes, visibility, others, footer, foreign };
}
