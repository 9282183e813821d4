/**
 * Tables as the HTML reader meets them (issue 13): cells' text with the offset of their first
 * character in the page, and a caption (the `<caption>`, else the text block just before the
 * table). Bounded: a page's tables, a table's rows, a row's cells and a cell's text are capped.
 */

export interface HtmlCell {
  readonly text: string;
  /** Offset in the page of the cell's first text (or of its tag when it has none). */
  readonly offset: number;
}

export interface HtmlTable {
  readonly caption: string;
  /** Offset of the `<table>` tag. */
  readonly offset: number;
  readonly rows: readonly (readonly HtmlCell[])[];
}

const MAX_TABLES = 200;
const MAX_ROWS = 5_000;
const MAX_CELLS = 100;
const MAX_CELL_TEXT = 200;
const MAX_CAPTION = 200;
const NOT_BLANK = /\S/;

interface OpenCell {
  text: string;
  offset: number;
  hasText: boolean;
}

interface OpenTable {
  caption: string;
  inCaption: boolean;
  captionText: string;
  readonly offset: number;
  readonly rows: HtmlCell[][];
  row: HtmlCell[] | null;
  cell: OpenCell | null;
}

export class TableCollector {
  readonly tables: HtmlTable[] = [];
  private readonly open: OpenTable[] = [];
  /** The last block of text outside tables, a caption for a table that has none. */
  private lastBlock = '';
  private block = '';

  get inTable(): boolean {
    return this.open.length > 0;
  }

  openTag(tag: string, offset: number): void {
    const table = this.open[this.open.length - 1];
    if (tag === 'table') {
      this.endBlock();
      this.open.push({
        caption: this.lastBlock.replace(/\s+/g, ' ').trim().slice(0, MAX_CAPTION),
        inCaption: false,
        captionText: '',
        offset,
        rows: [],
        row: null,
        cell: null,
      });
    } else if (!table) {
      return;
    } else if (tag === 'caption') {
      table.inCaption = true;
    } else if (tag === 'tr') {
      this.endRow(table);
      table.row = [];
    } else if (tag === 'td' || tag === 'th') {
      this.endCell(table);
      if (!table.row) table.row = [];
      table.cell = { text: '', offset, hasText: false };
    }
  }

  closeTag(tag: string): void {
    const table = this.open[this.open.length - 1];
    if (!table) return;
    if (tag === 'caption' && table.inCaption) {
      table.inCaption = false;
      const text = table.captionText.trim();
      if (text) table.caption = text.slice(0, MAX_CAPTION);
    } else if (tag === 'td' || tag === 'th') {
      this.endCell(table);
    } else if (tag === 'tr') {
      this.endRow(table);
    } else if (tag === 'table') {
      this.endRow(table);
      this.open.pop();
      if (this.tables.length < MAX_TABLES && table.rows.length > 0) {
        this.tables.push({ caption: table.caption, offset: table.offset, rows: table.rows });
      }
    }
  }

  text(text: string, offset: number): void {
    const table = this.open[this.open.length - 1];
    if (!table) {
      if (this.block.length < MAX_CAPTION * 2) this.block += text.slice(0, MAX_CAPTION * 2);
      return;
    }
    if (table.inCaption) {
      if (table.captionText.length < MAX_CAPTION) table.captionText += text.slice(0, MAX_CAPTION);
      return;
    }
    const cell = table.cell;
    if (!cell) return;
    if (!cell.hasText && text.trim() !== '') {
      cell.hasText = true;
      cell.offset = offset + (text.length - text.trimStart().length);
    }
    if (cell.text.length < MAX_CELL_TEXT) cell.text += text.slice(0, MAX_CELL_TEXT);
  }

  /** A block element opened or closed: the text so far is a block of its own. */
  endBlock(): void {
    if (this.open.length > 0 || this.block === '') return;
    if (NOT_BLANK.test(this.block)) this.lastBlock = this.block; // tidied when a table needs it
    this.block = '';
  }

  /** The page ended: tables left open are kept as they are. */
  finish(): void {
    while (this.open.length > 0) this.closeTag('table');
  }

  private endCell(table: OpenTable): void {
    const cell = table.cell;
    if (!cell) return;
    table.cell = null;
    if (table.row && table.row.length < MAX_CELLS) {
      table.row.push({ text: cell.text.replace(/\s+/g, ' ').trim(), offset: cell.offset });
    }
  }

  private endRow(table: OpenTable): void {
    this.endCell(table);
    if (table.row && table.row.length > 0 && table.rows.length < MAX_ROWS) {
      table.rows.push(table.row);
    }
    table.row = null;
  }
}
