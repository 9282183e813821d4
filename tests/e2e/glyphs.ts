import { execFileSync } from 'node:child_process';
import type { Locator } from '@playwright/test';

/** The characters of a text as a reader sees them (👩‍🏫 is one, though three code points). */
export function graphemes(text: string): string[] {
  const segments = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' }).segment(text);
  return [...new Set(Array.from(segments, (s) => s.segment))].filter((g) => g.trim() !== '');
}

/**
 * The characters of `text` that the element's font stack draws as the missing-glyph box. Each
 * character is drawn on a canvas in the element's own computed font (the same fallback as the
 * page's text), and so is U+0378, which is unassigned and so has no glyph in any font: where the
 * two drawings are the same pixels, the character is tofu. Whitespace is left out; a character
 * made of several code points (an emoji ZWJ sequence) is tofu if any of its pictures is.
 */
export async function tofuIn(element: Locator, text: string): Promise<string[]> {
  const chars = graphemes(text);
  return element.evaluate((el, chars) => {
    // No DOM types on this side (tsconfig.node.json): the little of it used here, declared.
    const page = globalThis as unknown as PageGlobals;
    const style = page.getComputedStyle(el);
    const font = `${style.fontStyle} ${style.fontWeight} 40px ${style.fontFamily}`;
    const draw = (ch: string) => {
      const canvas = page.document.createElement('canvas');
      canvas.width = 96;
      canvas.height = 64;
      const ctx = canvas.getContext('2d')!;
      ctx.font = font;
      ctx.textBaseline = 'top';
      ctx.fillText(ch, 8, 8);
      return {
        pixels: Array.from(ctx.getImageData(0, 0, 96, 64).data),
        width: ctx.measureText(ch).width,
      };
    };
    const tofu = draw('\u0378');
    const isTofu = (ch: string) => {
      const drawn = draw(ch);
      return drawn.width === tofu.width && drawn.pixels.every((v, i) => v === tofu.pixels[i]);
    };
    // A ZWJ sequence is tofu when any of its pictures is: the joiners and variation selectors
    // draw nothing by themselves.
    const joiners = ['\u200d', '\ufe0e', '\ufe0f'];
    const parts = (g: string) => Array.from(g).filter((cp) => !joiners.includes(cp));
    return chars.filter((g) => parts(g).some(isTofu));
  }, chars);
}

interface PageGlobals {
  getComputedStyle(element: unknown): { fontStyle: string; fontWeight: string; fontFamily: string };
  document: {
    createElement(tag: 'canvas'): {
      width: number;
      height: number;
      getContext(kind: '2d'): {
        font: string;
        textBaseline: string;
        fillText(text: string, x: number, y: number): void;
        measureText(text: string): { width: number };
        getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
      } | null;
    };
  };
}

/** Whether fontconfig knows a font with a glyph for this code point (what Chromium falls back to). */
export function systemHasGlyph(codePoint: number): boolean {
  try {
    const out = execFileSync('fc-list', [`:charset=${codePoint.toString(16)}`, 'family'], {
      encoding: 'utf8',
    });
    return out.trim() !== '';
  } catch {
    // No fc-list: say yes, and let the drawing itself decide.
    return true;
  }
}
