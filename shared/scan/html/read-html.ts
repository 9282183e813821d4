import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import type { HidingTrick } from '../detectors';
import { parseStylesheet } from './css';
import {
  BLOCK_ELEMENTS,
  LINK_ATTRIBUTES,
  OPEN_IMPLIES_CLOSE,
  RAW_TEXT_ELEMENTS,
  VOID_ELEMENTS,
} from './elements';
import { frameTrick, makeFrame, NO_CLASSES, type Frame } from './frames';
import type { Attributes } from './hiding';
import { OpenElements } from './open-elements';
import { scriptLinks } from './script-links';
import { RuleIndex } from './selectors';
import { collectStyleSheets } from './style-blocks';
import { TableCollector, type HtmlTable } from './tables';
import { TextBuilder } from './text-builder';
import { resolveBase, resolveLink } from './url';

/**
 * One HTML page read in a single pass of htmlparser2's Tokenizer, with no DOM tree (issue 13).
 * The reader keeps its own stack of open elements (open-elements.ts): the outermost MAX_DEPTH
 * one by one, deeper ones run-length, each still judged by its own style, so a page nested
 * 100,000 deep costs about what a flat one does and cannot hide a link by nesting it.
 * (htmlparser2's Parser keeps an unbounded stack that it shifts and searches on every tag:
 * quadratic there.)
 */

export interface HtmlLink {
  /** Absolute http(s), without its fragment. */
  readonly target: string;
  /** The element it is on ('script' for a link an inline script writes). */
  readonly tag: string;
  /** Offset in the page of the tag (or of the URL inside a script). */
  readonly offset: number;
  readonly navigable: boolean;
  /** How it is hidden; null when a reader sees it (or when it is no link to see: img, script). */
  readonly trick: HidingTrick | null;
}

export interface HtmlReading {
  /** The page's text outside markup, scripts and styles, entities decoded, blocks on lines of their own. */
  readonly text: string;
  /** Where an offset of `text` is in the page. */
  pageOffset(textOffset: number): number;
  readonly links: readonly HtmlLink[];
  readonly tables: readonly HtmlTable[];
  /** Whether the page is a whole document (it has `<html>` or `<body>`), not a fragment. */
  readonly fullDocument: boolean;
  /** The footer's text (a <footer>, or an element named like one) and where it starts; null when none. */
  readonly footer: { readonly text: string; readonly offset: number } | null;
  /** Whether elements were nested deeper than MAX_DEPTH. */
  readonly tooDeep: boolean;
  /** Whether they changed style so often past it that the deepest took their parent's. */
  readonly tooManyStyles: boolean;
}

export const MAX_DEPTH = 256;
/** Runs of nested elements sharing a state, past MAX_DEPTH (about 200 bytes each at most). */
export const MAX_DEEP_RUNS = 65_536;
const MAX_LINKS = 20_000;
const MAX_FOOTER = 20_000;
const MAX_ATTRIBUTE = 8_192;
/** Tags whose frame differs from their parent's with no attribute (hiding.ts, frames.ts). */
const OWN_STATE_TAGS: ReadonlySet<string> = new Set([
  'a',
  'footer',
  'svg',
  'math',
  'iframe',
  'frame',
  'marquee',
]);

class HtmlReader {
  readonly text = new TextBuilder();
  readonly tables = new TableCollector();
  readonly links: HtmlLink[] = [];
  fullDocument = false;
  footerText = '';
  footerOffset = -1;

  readonly open = new OpenElements(MAX_DEPTH, MAX_DEEP_RUNS, MAX_DEPTH);
  private base: string;
  private baseSet = false;
  /** The raw-text element (script, style…) whose content is being read, and a script's text. */
  private raw: string | null = null;
  private script: { text: string; offset: number } | null = null;
  /** Links resolved so far: a page repeats the same few many times. */
  private readonly resolved = new Map<string, string | null>();
  /**
   * The open `<a>` that is visible itself: if everything it shows (text, images) turns out to be
   * hidden (`<a href><font color=white>…`), the link is hidden by that trick.
   */
  private openLink: { index: number; hidden: HidingTrick | null; shown: boolean } | null = null;

  constructor(
    private readonly page: string,
    baseUrl: string,
    private readonly rules: RuleIndex,
  ) {
    this.base = baseUrl;
  }

  private get top(): Frame {
    return this.open.top;
  }

  openElement(tag: string, attrs: Attributes, offset: number, selfClosing: boolean): void {
    const closes = OPEN_IMPLIES_CLOSE.get(tag);
    if (closes && !this.open.overflowing) {
      while (this.open.heldCount > 0 && closes.has(this.top.tag)) this.pop();
    }
    if (tag === 'html' || tag === 'body') this.fullDocument = true;
    if (tag === 'base' && !this.baseSet && attrs.has('href')) {
      this.baseSet = true;
      this.base = resolveBase(attrs.get('href') ?? '', this.base) ?? this.base;
      this.resolved.clear();
    }
    const parent = this.top;
    const frame = this.passesOn(tag, attrs)
      ? parent
      : makeFrame(this.rules, tag, attrs, parent, this.open.ancestors);
    this.linkOf(tag, attrs, offset, frame);
    if (BLOCK_ELEMENTS.has(tag)) this.blockBoundary();
    this.tables.openTag(tag, offset);
    if (frame.footer && this.footerOffset < 0) this.footerOffset = offset;
    if (RAW_TEXT_ELEMENTS.has(tag)) {
      // The tokenizer reads up to the matching end tag as raw text, even after `<script/>`.
      this.raw = tag;
      this.script = tag === 'script' && !attrs.has('src') ? { text: '', offset: -1 } : null;
    } else if (selfClosing && (parent.foreign || tag === 'svg' || tag === 'math')) {
      return;
    }
    if (VOID_ELEMENTS.has(tag)) return;
    this.open.push(frame, this.open.full && !this.rules.namesAncestor(frame));
  }

  /**
   * Whether an element past the cap passes on just what its parent does, its frame not needed:
   * no attributes, no rule for it or naming it, and no tag that hides or changes state by itself.
   * (A page of nothing but `<div>` is read at the speed of a flat one.)
   */
  private passesOn(tag: string, attrs: Attributes): boolean {
    if (attrs.size !== 0 || !this.open.overflowing || OWN_STATE_TAGS.has(tag)) return false;
    const subject = { tag, id: '', classes: NO_CLASSES };
    return !this.rules.mayMatch(subject) && !this.rules.namesAncestor(subject);
  }

  closeElement(tag: string): void {
    if (this.raw !== null) this.endRaw();
    if (VOID_ELEMENTS.has(tag)) {
      if (tag === 'br') this.blockBoundary();
      return;
    }
    if (this.open.popDeep()) {
      this.afterClose(tag);
      return;
    }
    const at = this.open.lastHeld(tag);
    if (at >= 0) while (this.open.heldCount > at) this.pop();
  }

  onText(text: string, offset: number, exact: boolean): void {
    if (this.raw !== null) {
      if (this.script) {
        if (this.script.offset < 0) this.script.offset = offset;
        if (this.script.text.length < 1_000_000) this.script.text += text;
      }
      return;
    }
    this.text.append(text, offset, exact);
    this.tables.text(text, offset);
    if (this.openLink && text.trim() !== '') this.linkShows(this.top);
    if (this.top.footer && this.footerText.length < MAX_FOOTER) {
      this.footerText += text.slice(0, MAX_FOOTER);
    }
  }

  finish(): void {
    if (this.raw !== null) this.endRaw();
    this.open.dropDeep();
    while (this.open.heldCount > 0) this.pop();
    this.tables.finish();
  }

  private pop(): void {
    const frame = this.open.popHeld();
    if (frame) this.afterClose(frame.tag);
  }

  /** A script or style ended: links an inline script writes are read now. */
  private endRaw(): void {
    const script = this.script;
    this.raw = null;
    this.script = null;
    if (!script) return;
    for (const link of scriptLinks(script.text)) {
      const offset = Math.max(0, script.offset) + link.offset;
      this.addLink(link.url, 'script', offset, true, 'script-written');
    }
  }

  private linkShows(frame: Frame): void {
    const link = this.openLink;
    if (!link) return;
    const trick = frameTrick(frame);
    if (trick === null) link.shown = true;
    else link.hidden ??= trick;
  }

  /** An `<a>` closed: hidden after all when all it showed was hidden. */
  private endLink(): void {
    const open = this.openLink;
    this.openLink = null;
    const link = open ? this.links[open.index] : undefined;
    if (open && link && !open.shown && open.hidden)
      this.links[open.index] = { ...link, trick: open.hidden };
  }

  private afterClose(tag: string): void {
    if (tag === 'a') this.endLink();
    if (BLOCK_ELEMENTS.has(tag)) this.blockBoundary();
    this.tables.closeTag(tag);
  }

  private blockBoundary(): void {
    this.text.lineBreak();
    this.tables.endBlock();
    if (this.top.footer) this.footerText += '\n';
  }

  private linkOf(tag: string, attrs: Attributes, offset: number, frame: Frame): void {
    if (tag === 'meta' && attrs.get('http-equiv')?.trim().toLowerCase() === 'refresh') {
      const url = /^\s*\d*\.?\d*\s*[;,]?\s*(?:url\s*=\s*)?["']?([^"'\s]+)/i.exec(
        attrs.get('content') ?? '',
      )?.[1];
      if (url) this.addLink(url, 'meta', offset, true, null);
      return;
    }
    if (tag === 'img') this.linkShows(frame);
    const where = LINK_ATTRIBUTES.get(tag);
    const reference = where ? attrs.get(where.attribute) : undefined;
    if (!where || reference === undefined) return;
    const trick = where.navigable ? frameTrick(frame) : null;
    const before = this.links.length;
    this.addLink(reference, tag, offset, where.navigable, trick);
    if (tag === 'a') {
      this.endLink(); // an <a> inside an <a> ends the first
      if (trick === null && this.links.length > before) {
        this.openLink = { index: before, hidden: null, shown: false };
      }
    }
  }

  private addLink(
    reference: string,
    tag: string,
    offset: number,
    navigable: boolean,
    trick: HidingTrick | null,
  ): void {
    if (this.links.length >= MAX_LINKS) return;
    let target = this.resolved.get(reference);
    if (target === undefined) {
      target = resolveLink(reference, this.base);
      if (this.resolved.size < 10_000) this.resolved.set(reference, target);
    }
    if (target) this.links.push({ target, tag, offset, navigable, trick });
  }
}

function callbacks(page: string, reader: HtmlReader): TokenizerCallbacks {
  let tag = '';
  let tagOffset = 0;
  let attrs = new Map<string, string>();
  let attrName = '';
  let attrValue = '';
  /** Where the last event ended: an entity in text starts there. */
  let lastEnd = 0;
  const open = (selfClosing: boolean, endIndex: number) => {
    if (tag !== '') reader.openElement(tag, attrs, tagOffset, selfClosing);
    tag = '';
    lastEnd = endIndex + 1;
  };
  return {
    onopentagname(start, endIndex) {
      tag = page.slice(start, endIndex).toLowerCase();
      tagOffset = Math.max(0, start - 1);
      attrs = new Map<string, string>();
    },
    onattribname(start, endIndex) {
      attrName = page.slice(start, endIndex).toLowerCase();
      attrValue = '';
    },
    onattribdata(start, endIndex) {
      if (attrValue.length < MAX_ATTRIBUTE) attrValue += page.slice(start, endIndex);
    },
    onattribentity(codepoint) {
      if (attrValue.length < MAX_ATTRIBUTE) attrValue += String.fromCodePoint(codepoint);
    },
    onattribend() {
      if (!attrs.has(attrName)) attrs.set(attrName, attrValue);
      attrValue = '';
    },
    onopentagend(endIndex) {
      open(false, endIndex);
    },
    onselfclosingtag(endIndex) {
      // HTML ignores the slash, but inside SVG or MathML it closes the element.
      open(true, endIndex);
    },
    onclosetag(start, endIndex) {
      reader.closeElement(page.slice(start, endIndex).toLowerCase());
      lastEnd = endIndex + 1;
    },
    ontext(start, endIndex) {
      reader.onText(page.slice(start, endIndex), start, true);
      lastEnd = endIndex;
    },
    ontextentity(codepoint, endIndex) {
      reader.onText(String.fromCodePoint(codepoint), lastEnd, false);
      lastEnd = endIndex;
    },
    oncomment(_start, endIndex) {
      lastEnd = endIndex + 1;
    },
    oncdata(_start, endIndex) {
      lastEnd = endIndex + 1;
    },
    ondeclaration(_start, endIndex) {
      lastEnd = endIndex + 1;
    },
    onprocessinginstruction(_start, endIndex) {
      lastEnd = endIndex + 1;
    },
    onend() {
      reader.finish();
    },
  };
}

/** Reads one HTML page; links are resolved against `baseUrl` (or the page's `<base href>`). */
export function readHtml(page: string, baseUrl: string): HtmlReading {
  const rules = new RuleIndex(
    collectStyleSheets(page).flatMap((css, i) => parseStylesheet(css, i * 10_000)),
  );
  const reader = new HtmlReader(page, baseUrl, rules);
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks(page, reader));
  tokenizer.write(page);
  tokenizer.end();
  const text = reader.text.build();
  const footerText = reader.footerText.trim();
  return {
    text: text.text,
    pageOffset: text.pageOffset,
    links: reader.links,
    tables: reader.tables.tables,
    fullDocument: reader.fullDocument,
    footer: footerText ? { text: footerText, offset: Math.max(0, reader.footerOffset) } : null,
    tooDeep: reader.open.deep,
    tooManyStyles: reader.open.capped,
  };
}
