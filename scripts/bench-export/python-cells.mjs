/**
 * The cells our writer writes, as openpyxl_write.py takes them: each sheet's rows from row 1
 * (title, headers, data), every cell null, a string, or [number] / [number, number format], with
 * the same column widths and autofilter, then the hidden data sheet. Built with the app's own
 * sheetGrid / storedValue / NUMBER_FORMATS, as workbook-write.ts builds SheetJS's cells.
 */
export function pythonCells(app, model) {
  const { sheetGrid } = app.compare;
  const { storedValue, NUMBER_FORMATS } = app.cells;
  const cell = (c) => {
    if (c === null || c === undefined) return null;
    const value = storedValue(c);
    if (typeof value === 'string') return value;
    const format = NUMBER_FORMATS[c.kind];
    return format === undefined ? [value] : [value, format];
  };
  const visible = model.sheets.map((sheet) => {
    const rows = sheetGrid(sheet).map((row) => Array.from(row, cell));
    const last = app.sheet.cellAddress(
      Math.max(1, sheet.columns.length) - 1,
      Math.max(rows.length, 2),
    );
    return {
      name: sheet.name,
      hidden: false,
      widths: sheet.columns.map((c) => c.width),
      autofilter: `A2:${last}`,
      rows,
    };
  });
  const data = {
    name: app.envelope.DATA_SHEET_NAME,
    hidden: true,
    widths: [100],
    autofilter: null,
    rows: model.data.map((v) => [v]),
  };
  return [...visible, data];
}
