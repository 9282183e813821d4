/**
 * A page's text built from the pieces the tokenizer hands over, remembering where each piece is
 * in the page (issue 13), so a match in the text is reported at its line and column in the page.
 * Text is copied as it stands; an entity (`&#49;`) becomes its character, placed at the entity's
 * start; block boundaries add one line break, and whitespace alone between tags one space,
 * placed at the next piece's start.
 */

const BLANK = /^\s+$/;

export class TextBuilder {
  private readonly parts: string[] = [];
  /** Per piece: its offset in the text, its offset in the page, and whether it maps one to one. */
  private readonly textStarts: number[] = [];
  private readonly pageStarts: number[] = [];
  private readonly exact: boolean[] = [];
  private length = 0;
  /** Where the last exact piece ends in the page (-1 after an inexact one). */
  private pageEnd = -1;
  private pendingBreak = false;
  private pendingSpace = false;

  append(text: string, pageOffset: number, exact: boolean): void {
    if (text === '') return;
    if (text.charCodeAt(0) <= 32 && text.charCodeAt(text.length - 1) <= 32 && BLANK.test(text)) {
      this.pendingSpace = true; // whitespace between tags: one space at most, and only if needed
      return;
    }
    if (this.length > 0 && (this.pendingBreak || this.pendingSpace)) {
      this.push(this.pendingBreak ? '\n' : ' ', pageOffset, false);
    }
    this.pendingBreak = false;
    this.pendingSpace = false;
    this.push(text, pageOffset, exact);
  }

  lineBreak(): void {
    this.pendingBreak = true;
  }

  build(): { readonly text: string; pageOffset(textOffset: number): number } {
    const text = this.parts.join('');
    this.parts.length = 0;
    const { textStarts, pageStarts, exact } = this;
    return {
      text,
      pageOffset(textOffset: number): number {
        let low = 0;
        let high = textStarts.length - 1;
        if (high < 0) return 0;
        while (low < high) {
          const mid = (low + high + 1) >>> 1;
          if ((textStarts[mid] ?? 0) <= textOffset) low = mid;
          else high = mid - 1;
        }
        const start = pageStarts[low] ?? 0;
        return exact[low] ? start + Math.max(0, textOffset - (textStarts[low] ?? 0)) : start;
      },
    };
  }

  private push(text: string, pageOffset: number, exact: boolean): void {
    this.parts.push(text);
    const continues = exact && pageOffset === this.pageEnd;
    this.pageEnd = exact ? pageOffset + text.length : -1;
    if (continues) {
      this.length += text.length; // the same run of page text: one entry serves both
      return;
    }
    this.textStarts.push(this.length);
    this.pageStarts.push(pageOffset);
    this.exact.push(exact);
    this.length += text.length;
  }
}
