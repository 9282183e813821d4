import type { Bilingual } from '../i18n/locale';
import type { Finding, NoteCode, ScanNote, ScanReport } from './finding';
import { SCAN_LIMITS, SCAN_REPORT_FORMAT } from './finding';
import { maskLongNumbers, withoutHiddenMarks } from './mask';
import type { PageFinding } from './page';

/**
 * What a scan run gathers as files and pages come back (in any order: two workers answer as they
 * finish), and the report made of it. Memory stays bounded: past a cap only counts grow, and the
 * findings and notes kept are always the first by (source, line, column, detector), so the same
 * corpus gives the same report whatever order its files were read in.
 */

export interface CollectLimits {
  readonly findings: number;
  readonly findingsPerSourcePerDetector: number;
  readonly notes: number;
}

export const DEFAULT_COLLECT_LIMITS: CollectLimits = {
  findings: SCAN_LIMITS.findings,
  findingsPerSourcePerDetector: SCAN_LIMITS.findingsPerSourcePerDetector,
  notes: SCAN_LIMITS.notes,
};

/** Codes of notes that mean part of the source was never read. */
const INCOMPLETE: ReadonlySet<NoteCode> = new Set(['cancelled', 'page-cap', 'too-many-files']);

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order findings are numbered and listed in: source, line, column, detector, then the rest. */
export function compareFindings(a: PageFinding, b: PageFinding): number {
  return (
    compareText(a.source, b.source) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.detector, b.detector) ||
    compareText(a.match, b.match) ||
    compareText(a.target ?? '', b.target ?? '') ||
    compareText(a.category ?? '', b.category ?? '') ||
    compareText(a.context, b.context)
  );
}

function compareNotes(a: ScanNote, b: ScanNote): number {
  return (
    compareText(a.source, b.source) ||
    compareText(a.code, b.code) ||
    compareText(a.message['en-US'], b.message['en-US'])
  );
}

/** The smallest `cap` items seen, by `compare`; the rest only counted. */
class Smallest<T> {
  private items: T[] = [];
  dropped = 0;

  constructor(
    private readonly cap: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  get size(): number {
    return Math.min(this.items.length, this.cap);
  }

  add(item: T): void {
    this.items.push(item);
    // Sorted and cut now and then, not on every add: amortised, and never more than 1.25 caps held.
    if (this.items.length > this.cap + Math.max(16, this.cap >> 2)) this.trim();
  }

  private trim(): void {
    this.items.sort(this.compare);
    if (this.items.length > this.cap) {
      this.dropped += this.items.length - this.cap;
      this.items.length = this.cap;
    }
  }

  final(): T[] {
    this.trim();
    return this.items;
  }
}

const TEXT_MAX = 400;
const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/**
 * A finding held to the report's limits whatever made it (a line or column below 1, a context
 * past 400 characters): one finding out of bounds must not cost the whole scan its report.
 */
function fitFinding(given: PageFinding): PageFinding {
  const f = maskFinding(given);
  const fits =
    f.line >= 1 &&
    f.column >= 1 &&
    f.match.length <= TEXT_MAX &&
    f.context.length <= TEXT_MAX &&
    f.source.length <= SCAN_LIMITS.source &&
    (f.target?.length ?? 0) <= SCAN_LIMITS.source &&
    (f.category?.length ?? 0) <= 100;
  if (fits) return f;
  return {
    ...f,
    line: Math.max(1, Math.floor(f.line) || 1),
    column: Math.max(1, Math.floor(f.column) || 1),
    match: cut(f.match, TEXT_MAX),
    context: cut(f.context, TEXT_MAX),
    source: cut(f.source, SCAN_LIMITS.source),
    ...(f.target !== undefined && { target: cut(f.target, SCAN_LIMITS.source) }),
    ...(f.category !== undefined && { category: cut(f.category, 100) }),
  };
}

/**
 * Text as a report may show it: the marks that reorder or hide what is displayed taken out
 * (withoutHiddenMarks: a page's `\u202e反转` would show as 转反), then every long number masked
 * (maskLongNumbers). The same text always comes out the same, so findings and notes of one file
 * or page still group under one source.
 */
export const shownText = (text: string): string => maskLongNumbers(withoutHiddenMarks(text));

/**
 * A finding as it may be kept, shown and exported (shownText): however a detector made it — the
 * URL of an external or dead link (…?sfz=<ID number>), a grade table's caption, a footer with a
 * phone split by dashes, a file named after a pupil's ID number — no whole ID, phone or card
 * number is kept, and nothing in it displays other than it reads.
 */
function maskFinding(f: PageFinding): PageFinding {
  const match = shownText(f.match);
  const context = shownText(f.context);
  const source = shownText(f.source);
  const target = f.target === undefined ? undefined : shownText(f.target);
  const category = f.category === undefined ? undefined : withoutHiddenMarks(f.category);
  if (
    match === f.match &&
    context === f.context &&
    source === f.source &&
    target === f.target &&
    category === f.category
  )
    return f;
  return {
    ...f,
    match,
    context,
    source,
    ...(target !== undefined && { target }),
    ...(category !== undefined && { category }),
  };
}

/** A note as it may be kept and shown: its source and both messages as shownText makes them. */
function maskNote(note: ScanNote): ScanNote {
  const source = shownText(note.source).slice(0, SCAN_LIMITS.source);
  const zh = shownText(note.message['zh-CN']);
  const en = shownText(note.message['en-US']);
  if (source === note.source && zh === note.message['zh-CN'] && en === note.message['en-US'])
    return note;
  return { ...note, source, message: { 'zh-CN': zh, 'en-US': en } };
}

export interface ReportMeta {
  readonly id: string;
  readonly appVersion: string;
  readonly source: ScanReport['source'];
  readonly ownHosts: readonly string[];
  readonly words: ScanReport['words'];
  readonly startedAt: string;
  readonly finishedAt: string;
}

export class ScanCollector {
  private readonly findings: Smallest<PageFinding>;
  private readonly notes: Smallest<ScanNote>;
  private readonly perSource = new Map<string, number>();
  private overSourceCap = 0;
  private incomplete = false;
  scanned = 0;
  bytes = 0;
  skipped = 0;
  /** Findings seen so far (kept or not): what progress shows. */
  found = 0;

  constructor(private readonly limits: CollectLimits = DEFAULT_COLLECT_LIMITS) {
    this.findings = new Smallest(limits.findings, compareFindings);
    this.notes = new Smallest(limits.notes, compareNotes);
  }

  addFinding(given: PageFinding): void {
    const finding = fitFinding(given);
    const key = `${finding.detector}\n${finding.source}`;
    const seen = this.perSource.get(key) ?? 0;
    this.perSource.set(key, seen + 1);
    this.found += 1;
    if (seen >= this.limits.findingsPerSourcePerDetector) this.overSourceCap += 1;
    else this.findings.add(finding);
  }

  addNote(note: ScanNote): void {
    if (INCOMPLETE.has(note.code)) this.incomplete = true;
    this.notes.add(maskNote(note));
  }

  note(source: string, code: NoteCode, message: Bilingual): void {
    this.addNote({
      source,
      code,
      message: { 'zh-CN': message['zh-CN'], 'en-US': message['en-US'] },
    });
  }

  /** The report: findings sorted and numbered `<detector>:<n>`, every one `open`. */
  report(meta: ReportMeta): ScanReport {
    const kept = this.findings.final();
    const dropped = this.findings.dropped + this.overSourceCap;
    if (dropped > 0)
      this.note('', 'findings-cap', {
        'zh-CN': `发现过多，另有 ${dropped} 条未列出（每个文件每种检测最多 ${this.limits.findingsPerSourcePerDetector} 条，全部最多 ${this.limits.findings} 条）`,
        'en-US': `too many findings: ${dropped} more not listed (at most ${this.limits.findingsPerSourcePerDetector} per detector per file, ${this.limits.findings} in all)`,
      });
    const counters = new Map<string, number>();
    const findings: Finding[] = kept.map((finding) => {
      const n = (counters.get(finding.detector) ?? 0) + 1;
      counters.set(finding.detector, n);
      return { id: `${finding.detector}:${n}`, ...finding, state: 'open' };
    });
    return {
      format: SCAN_REPORT_FORMAT,
      appVersion: meta.appVersion,
      id: meta.id,
      source: meta.source,
      ownHosts: [...meta.ownHosts],
      words: meta.words,
      startedAt: meta.startedAt,
      finishedAt: meta.finishedAt,
      complete: !this.incomplete,
      totals: { scanned: this.scanned, bytes: this.bytes, skipped: this.skipped },
      findings,
      findingsDropped: dropped,
      notes: this.notes.final(),
      notesDropped: this.notes.dropped,
    };
  }
}
