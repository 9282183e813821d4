import type { ZipEntry } from '../zip/zip-reader';

/**
 * What SheetJS CE cannot write but a clerk needs to read and print the workbook: bold title and
 * header rows, text wrapped at the top of its cell, the two top rows frozen and repeated on every
 * printed page, landscape A4 one page wide, and page numbers. Each is a fixed edit of the parts
 * SheetJS wrote (the same input gives the same output), and none touches a value: verify
 * compares values, so a workbook dressed or not verifies the same.
 */
export function dressWorkbook(
  entries: readonly ZipEntry[],
  visibleSheets: number,
  print: readonly SheetPrint[] = bureauPrint(visibleSheets),
): ZipEntry[] {
  const styles = entries.find((e) => e.name === 'xl/styles.xml');
  if (!styles) return [...entries];
  const { xml: stylesXml, title, header } = addStyles(decode(styles.data));
  const dressed = entries.map((entry) => {
    if (entry === styles) return { name: entry.name, data: encode(stylesXml) };
    const sheet = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(entry.name);
    if (sheet && Number(sheet[1]) <= visibleSheets) {
      const pagesWide = print[Number(sheet[1]) - 1]?.pagesWide ?? 1;
      return {
        name: entry.name,
        data: encode(dressSheet(decode(entry.data), title, header, pagesWide)),
      };
    }
    return entry;
  });
  return dressed.map((entry) =>
    entry.name === 'xl/workbook.xml'
      ? { name: entry.name, data: encode(addPrintTitles(decode(entry.data), visibleSheets, print)) }
      : entry,
  );
}

/** How one visible sheet prints: so many pages wide, and which columns repeat on each page. */
export interface SheetPrint {
  readonly pagesWide: number;
  /** Columns repeated at the left of every printed page, e.g. "$A:$C". */
  readonly repeatColumns?: string;
}

/**
 * The bureau workbook's: the summary is one row of 25 columns (on one page wide it would print at
 * 4 points), so two pages wide with the school column repeated; every other sheet one page wide.
 */
const bureauPrint = (visibleSheets: number): SheetPrint[] =>
  Array.from({ length: visibleSheets }, (_, index) =>
    index === 0 ? { pagesWide: 2, repeatColumns: '$A:$A' } : { pagesWide: 1 },
  );

const decode = (data: Uint8Array) => Buffer.from(data).toString('utf8');
const encode = (xml: string) => Buffer.from(xml, 'utf8');

/** A bold font; every cell style wraps at the top; two styles more, for titles and headers. */
function addStyles(xml: string): { xml: string; title: number; header: number } {
  let out = xml.replace(
    /<fonts count="(\d+)">([\s\S]*?)<\/fonts>/,
    (_, count: string, fonts: string) => {
      const first = /<font>([\s\S]*?)<\/font>/.exec(fonts)?.[1] ?? '<sz val="12"/>';
      return `<fonts count="${Number(count) + 1}">${fonts}<font><b/>${first}</font></fonts>`;
    },
  );
  const bold = Number(/<fonts count="(\d+)">/.exec(out)?.[1] ?? '2') - 1;
  // The Normal style wraps too: LibreOffice reads a cell without a style as Normal, not as the
  // first cell format.
  out = out.replace(
    /<cellStyleXfs count="1"><xf ([^>]*?)\/><\/cellStyleXfs>/,
    (_, attributes: string) =>
      `<cellStyleXfs count="1"><xf ${attributes} applyAlignment="1"><alignment horizontal="left" vertical="top" wrapText="1"/></xf></cellStyleXfs>`,
  );
  let count = 0;
  out = out.replace(/<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/, (_, n: string, xfs: string) => {
    count = Number(n);
    const wrapped = xfs.replace(
      /<xf ([^>]*?)\/>/g,
      '<xf $1 applyAlignment="1"><alignment horizontal="left" vertical="top" wrapText="1"/></xf>',
    );
    const title = `<xf numFmtId="0" fontId="${bold}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`;
    const header = `<xf numFmtId="0" fontId="${bold}" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="left" vertical="center" wrapText="1"/></xf>`;
    return `<cellXfs count="${count + 2}">${wrapped}${title}${header}</cellXfs>`;
  });
  return { xml: out, title: count, header: count + 1 };
}

function dressSheet(xml: string, title: number, header: number, pagesWide: number): string {
  // A cell SheetJS gave a style already keeps one `s` attribute: two make the XML ill-formed
  // (LibreOffice then opens every sheet empty, openpyxl refuses the file).
  const styled = (row: string, style: number) =>
    row.replace(/<c r="([A-Z]+\d+)"(?: s="\d+")?/g, `<c r="$1" s="${style}"`);
  return xml
    .replace(/(<worksheet[^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')
    .replace(
      '<sheetView workbookViewId="0"/>',
      '<sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>',
    )
    .replace(/<row r="1"[^>]*>[\s\S]*?<\/row>/, (row) => styled(row, title))
    .replace(/<row r="2"[^>]*>[\s\S]*?<\/row>/, (row) => styled(row, header))
    .replace(/(<ignoredErrors>|<\/worksheet>)/, `${page(pagesWide)}$1`);
}

/** A4 landscape, so many pages wide, page numbers ("3 / 7") at the foot. */
const page = (pagesWide: number) =>
  '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>' +
  `<pageSetup paperSize="9" orientation="landscape" fitToWidth="${pagesWide}" fitToHeight="0"/>` +
  '<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>';

/** Rows 1 and 2 repeat on every printed page of each visible sheet, and the columns `print` names. */
function addPrintTitles(xml: string, visibleSheets: number, print: readonly SheetPrint[]): string {
  const names: string[] = [];
  for (const match of xml.matchAll(
    /<definedName name="_xlnm._FilterDatabase" localSheetId="(\d+)">([^!<]+)!/g,
  )) {
    const id = Number(match[1]);
    const columns = print[id]?.repeatColumns;
    if (id < visibleSheets)
      names.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${id}">${columns ? `${match[2]}!${columns},` : ''}${match[2]}!$1:$2</definedName>`,
      );
  }
  return xml.replace('</definedNames>', `${names.join('')}</definedNames>`);
}
