import type { Bilingual } from '../i18n/locale';
import { filingNumbers } from './detectors/filing';
import { tablesFromText, type ScanTable } from './detectors/grade-rows';
import type { NoteCode, ScanNote } from './finding';
import { linkFindings, type FoundLink } from './analyse/link-findings';
import { markdownLinks } from './analyse/markdown-links';
import { FindingCap, gradeFindings, textFindings } from './analyse/text-findings';
import { MAX_DEPTH, readHtml, type HtmlReading } from './html/read-html';
import type { AnalyseOptions, PageAnalysis, PageFinding, PageInput } from './page';
import { foldText } from './text/fold';
import { createLineIndex, type LineIndex } from './text/lines';
import { maskContext } from './mask';

/**
 * Every detector over one page (issue 13), whatever its kind. HTML is read once (shared/scan/html/):
 * the number and word detectors read its text, not its markup, so a number in a URL or an
 * attribute is no leak; grade lists come from its tables; links from its tags (hidden and
 * external ones are findings, the site's own are handed back for the run to check); a whole
 * document whose footer lacks a filing number is a `no-filing` finding. Text, Markdown, DOCX and
 * PDF text are read as text (tables as tab-separated or pipe rows; Markdown links too).
 * Positions are lines and columns of the page's text as given. Never throws.
 */

const FOOTER_TAIL = 3_000;

function note(source: string, code: NoteCode, message: Bilingual): ScanNote {
  return { source, code, message };
}

function htmlTables(reading: HtmlReading, lines: LineIndex): ScanTable[] {
  return reading.tables.map((table) => ({
    caption: table.caption,
    rows: table.rows.map((cells) => {
      const { line, column } = lines.position(cells[0]?.offset ?? table.offset);
      return { cells: cells.map((c) => c.text), line, column };
    }),
  }));
}

function filingFinding(
  page: PageInput,
  reading: HtmlReading,
  lines: LineIndex,
): PageFinding | null {
  const tail = reading.text.slice(-FOOTER_TAIL);
  const { icp, publicSecurity } = filingNumbers(foldText(`${reading.footer?.text ?? ''}\n${tail}`));
  if (icp && publicSecurity) return null;
  const missing = [icp ? null : 'ICP备', publicSecurity ? null : '公网安备'].filter(
    (m) => m !== null,
  );
  const offset = reading.footer?.offset ?? reading.pageOffset(Math.max(0, reading.text.length - 1));
  const { line, column } = lines.position(offset);
  const shown = (reading.footer?.text ?? tail).replace(/\s+/g, ' ').trim();
  return {
    detector: 'no-filing',
    source: page.source,
    line,
    column,
    match: missing.join(' '),
    context: maskContext(shown, 0, 0, []).slice(0, 400),
  };
}

/** A page nested past the reader's cap: what of its hiding is judged less exactly. */
function deepNote(source: string, tooManyStyles: boolean): ScanNote {
  const zh = tooManyStyles ? `；其中样式变化过多，最深处的元素按其上层元素的样式判断` : '';
  const en = tooManyStyles
    ? `; its style changes so often that the deepest are judged by their parent's`
    : '';
  return note(source, 'nesting-too-deep', {
    'zh-CN': `页面元素嵌套超过 ${MAX_DEPTH} 层：更深的元素仍按其自身样式判断是否隐藏，但以上层元素为条件的样式规则只对照最外 ${MAX_DEPTH} 层和最近的 ${MAX_DEPTH} 种样式${zh}。`,
    'en-US': `Elements are nested more than ${MAX_DEPTH} deep: deeper ones are still judged hidden or not by their own style, but style rules that name an ancestor are checked against the outermost ${MAX_DEPTH} and the nearest ${MAX_DEPTH} styles only${en}.`,
  });
}

function analyseHtml(page: PageInput, options: AnalyseOptions): PageAnalysis {
  const reading = readHtml(page.text, page.baseUrl);
  const lines = createLineIndex(page.text);
  const cap = new FindingCap();
  const pageText = {
    source: page.source,
    text: reading.text,
    folded: foldText(reading.text),
    pageOffset: reading.pageOffset,
    lines,
  };
  const found: readonly FoundLink[] = reading.links;
  const links = linkFindings(page.source, page.text, lines, found, options.ownHosts, cap);
  const findings = [
    ...textFindings(pageText, options, cap),
    ...gradeFindings(page.source, htmlTables(reading, lines), cap),
    ...links.findings,
  ];
  if (reading.fullDocument) {
    const filing = filingFinding(page, reading, lines);
    if (filing) findings.push(filing);
  }
  const notes = reading.tooDeep ? [deepNote(page.source, reading.tooManyStyles)] : [];
  return { findings, links: links.links, notes };
}

function analyseText(page: PageInput, options: AnalyseOptions): PageAnalysis {
  const lines = createLineIndex(page.text);
  const cap = new FindingCap();
  const pageText = {
    source: page.source,
    text: page.text,
    folded: foldText(page.text),
    pageOffset: (offset: number) => offset,
    lines,
  };
  const found = page.kind === 'markdown' ? markdownLinks(page.text, page.baseUrl) : [];
  const links = linkFindings(page.source, page.text, lines, found, options.ownHosts, cap);
  const findings = [
    ...textFindings(pageText, options, cap),
    ...gradeFindings(page.source, tablesFromText(page.text), cap),
    ...links.findings,
  ];
  return { findings, links: links.links, notes: [] };
}

export function analysePage(page: PageInput, options: AnalyseOptions): PageAnalysis {
  try {
    return page.kind === 'html' ? analyseHtml(page, options) : analyseText(page, options);
  } catch {
    // Belt and braces: every reader above is written not to throw, and the fuzz tests say so.
    return {
      findings: [],
      links: [],
      notes: [
        note(page.source, 'unreadable', {
          'zh-CN': '无法分析此页面的内容。',
          'en-US': 'The content of this page could not be analysed.',
        }),
      ],
    };
  }
}
