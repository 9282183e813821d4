import type { Bilingual } from '../../i18n/locale';
import { SCAN_LIMITS } from '../finding';
import { foldText } from '../text/fold';

/**
 * A bureau's word list (issue 13): plain text, UTF-8 (a BOM is dropped), one term a line.
 * - `term<TAB>category` gives a term its category;
 * - a line `[category]` makes that the category of the terms below it (until the next one);
 *   a category given after a tab wins over the section's;
 * - lines starting with '#' are comments; blank lines are skipped;
 * - terms are folded (full-width → half-width, capitals → small letters; shared/scan/text/fold.ts)
 *   and trimmed, so they match however the page writes them; duplicates are merged (the first
 *   category given is kept);
 * - a line with control characters, a term longer than SCAN_LIMITS.termLength characters or a
 *   category longer than 100 is refused with a problem naming the line; past SCAN_LIMITS.terms
 *   terms the rest of the file is refused with one problem.
 * Terms are matched as literal text, anywhere (no word boundaries, no patterns).
 */

export interface WordTerm {
  /** Folded and trimmed. */
  readonly term: string;
  /** Its category, or null when the list gives none. */
  readonly category: string | null;
}

export interface WordListProblem {
  /** 1-based. */
  readonly line: number;
  readonly message: Bilingual;
}

export interface WordList {
  readonly terms: readonly WordTerm[];
  /** Every category the list names, in order of first mention (sections with no terms too). */
  readonly categories: readonly string[];
  readonly problems: readonly WordListProblem[];
}

/** Categories' longest length (the finding schema's `category`). */
export const CATEGORY_LENGTH = 100;
/** Problems listed one by one; past it they are counted in one last problem. */
export const PROBLEMS_LISTED = 100;

/** Whether a line holds a control character (a tab is the term's separator, not one). */
function hasControl(line: string): boolean {
  for (let k = 0; k < line.length; k++) {
    const code = line.charCodeAt(k);
    if ((code < 0x20 && code !== 9) || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}
/** No line this long can hold a term and a category within their limits. */
const LONGEST_LINE = SCAN_LIMITS.termLength + CATEGORY_LENGTH + 64;

const said = (line: number, zh: string, en: string): WordListProblem => ({
  line,
  message: { 'zh-CN': `第 ${line} 行：${zh}`, 'en-US': `Line ${line}: ${en}` },
});

const tidyCategory = (text: string): string => text.replace(/\s+/g, ' ').trim();

type LineResult = { term: WordTerm } | { section: string } | { problem: WordListProblem } | null;

function readLine(raw: string, number: number, section: string | null): LineResult {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  if (line.length > LONGEST_LINE)
    return { problem: said(number, '行太长，已忽略。', 'the line is too long; ignored.') };
  if (hasControl(line))
    return {
      problem: said(number, '含有控制字符，已忽略。', 'it holds control characters; ignored.'),
    };
  const header = /^\[(.*)\]$/.exec(trimmed);
  if (header) {
    const name = tidyCategory(header[1] ?? '');
    if (name === '' || name.length > CATEGORY_LENGTH)
      return {
        problem: said(
          number,
          '类别名为空或过长，已忽略。',
          'the category is empty or too long; ignored.',
        ),
      };
    return { section: name };
  }
  const tab = line.indexOf('\t');
  const term = foldText(tab < 0 ? line : line.slice(0, tab)).trim();
  const given = tab < 0 ? '' : tidyCategory(line.slice(tab + 1));
  if (term === '')
    return { problem: said(number, '没有词语，已忽略。', 'there is no term; ignored.') };
  if (term.length > SCAN_LIMITS.termLength)
    return {
      problem: said(
        number,
        `词语超过 ${SCAN_LIMITS.termLength} 个字符，已忽略。`,
        `the term is longer than ${SCAN_LIMITS.termLength} characters; ignored.`,
      ),
    };
  if (given.length > CATEGORY_LENGTH)
    return { problem: said(number, '类别名过长，已忽略。', 'the category is too long; ignored.') };
  return { term: { term, category: given !== '' ? given : section } };
}

/** A word list's terms, categories and problems (see the file's comment). Never throws. */
export function parseWordList(text: string): WordList {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const byTerm = new Map<string, WordTerm>();
  const categories: string[] = [];
  const seen = new Set<string>();
  const problems: WordListProblem[] = [];
  let unlisted = 0;
  let firstUnlisted = 0;
  const problem = (found: WordListProblem): void => {
    if (problems.length < PROBLEMS_LISTED) problems.push(found);
    else if (unlisted++ === 0) firstUnlisted = found.line;
  };
  const category = (name: string | null): void => {
    if (name !== null && !seen.has(name)) {
      seen.add(name);
      categories.push(name);
    }
  };
  let section: string | null = null;
  let start = 0;
  for (let number = 1; start <= body.length; number++) {
    const newline = body.indexOf('\n', start);
    const end = newline < 0 ? body.length : newline;
    const result = readLine(body.slice(start, end), number, section);
    start = end + 1;
    if (result === null) continue;
    if ('problem' in result) problem(result.problem);
    else if ('section' in result) {
      section = result.section;
      category(section);
    } else if (byTerm.size >= SCAN_LIMITS.terms && !byTerm.has(result.term.term)) {
      problem(
        said(
          number,
          `词语超过 ${SCAN_LIMITS.terms} 个，此行及以下均已忽略。`,
          `more than ${SCAN_LIMITS.terms} terms; this line and those after it are ignored.`,
        ),
      );
      break;
    } else {
      category(result.term.category);
      const before = byTerm.get(result.term.term);
      if (!before) byTerm.set(result.term.term, result.term);
      else if (before.category === null && result.term.category !== null)
        byTerm.set(result.term.term, result.term);
    }
  }
  if (unlisted > 0)
    problems.push(
      said(firstUnlisted, `以及另外 ${unlisted} 个问题。`, `and ${unlisted} more problems.`),
    );
  return { terms: [...byTerm.values()], categories, problems };
}
