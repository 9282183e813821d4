import { createHash } from 'node:crypto';
import { hostKey } from '../../../shared/scan/hosts';
import type { AnalyseOptions, PageFinding, PageLink } from '../../../shared/scan/page';
import type { CrawledPage, ScanParts, WordTerm } from './scan-parts';
import type { RunState } from './scan-run';

/**
 * A site scan: the crawler fetches the school's pages (only from the hosts listed, within its
 * caps and rate), each page is analysed as it arrives, and the links pages make to the school's
 * own hosts are remembered (a few pages per target). Then each target the crawl did not answer
 * for (images, scripts, pages past the cap) is checked once; a target answering 4xx/5xx gives a
 * `dead-link` finding, with the status, on each page remembered as linking to it. A page whose
 * text is the same as one already analysed (`/` and `/index.html`, `?page=1` and no query) is the
 * same page under another address: its links are followed, its findings not reported twice.
 */

export interface SiteScan {
  readonly start: string;
  readonly hosts: readonly string[];
  readonly ownHosts: readonly string[];
  readonly words: readonly WordTerm[] | null;
  readonly year: number;
}

/** Pages remembered per dead target: enough to find it, not a list of every page of the site. */
const REFERRERS_PER_TARGET = 3;
/** Distinct targets remembered, and checked after the crawl: bounds memory and requests. */
const TARGETS = 20_000;
const CHECKS = 2_000;

interface Referrer {
  readonly source: string;
  readonly line: number;
  readonly column: number;
  readonly context: string;
}

class LinkBook {
  readonly targets = new Map<string, Referrer[]>();
  /** The status each fetched page answered with. */
  readonly answered = new Map<string, number>();

  add(source: string, link: PageLink): void {
    let referrers = this.targets.get(link.target);
    if (!referrers) {
      if (this.targets.size >= TARGETS) return;
      referrers = [];
      this.targets.set(link.target, referrers);
    }
    if (referrers.length < REFERRERS_PER_TARGET && !referrers.some((r) => r.source === source))
      referrers.push({
        source,
        line: link.line,
        column: link.column,
        context: link.context.slice(0, 400),
      });
  }
}

const hostOf = (url: string): string | null => {
  try {
    return hostKey(new URL(url).host);
  } catch {
    return null;
  }
};

export async function scanSite(state: RunState, parts: ScanParts, scan: SiteScan): Promise<void> {
  const { collector, signal } = state;
  const options: AnalyseOptions = {
    words: scan.words ? parts.compileWords(scan.words) : null,
    ownHosts: scan.ownHosts,
    year: scan.year,
  };
  const book = new LinkBook();
  const analysed = new Map<string, readonly PageLink[]>();
  state.progress = { ...state.progress, phase: 'reading' };
  const onPage = (fetched: CrawledPage): readonly string[] => {
    book.answered.set(fetched.url, fetched.status);
    collector.bytes += fetched.bytes;
    for (const note of fetched.notes) collector.addNote(note);
    const follow: string[] = [];
    if (fetched.page) {
      collector.scanned += 1;
      const digest = createHash('sha256').update(fetched.page.text).digest('hex');
      let links = analysed.get(digest);
      if (!links) {
        const analysis = parts.analysePage(fetched.page, options);
        for (const finding of analysis.findings) collector.addFinding(finding);
        for (const note of analysis.notes) collector.addNote(note);
        links = analysis.links;
        analysed.set(digest, links);
      }
      for (const link of links) {
        book.add(fetched.url, link);
        if (link.navigable) follow.push(link.target);
      }
    } else if (fetched.notes.length > 0) collector.skipped += 1;
    state.progress = {
      ...state.progress,
      scanned: collector.scanned,
      bytes: collector.bytes,
      findings: collector.found,
      current: fetched.url,
    };
    return follow;
  };
  // The crawler throws when cancelled: what it handed over so far is kept.
  const notes = await parts
    .crawlSite({ start: scan.start, hosts: scan.hosts, signal, onPage })
    .catch((error: unknown) => {
      if (signal.aborted) return [];
      throw error;
    });
  for (const note of notes) collector.addNote(note);
  state.progress = { ...state.progress, phase: 'links', current: '' };
  await checkTargets(book, parts, scan.hosts, state);
  for (const [target, referrers] of book.targets) {
    const status = book.answered.get(target);
    if (status === undefined || status < 400) continue;
    for (const referrer of referrers) collector.addFinding(deadLink(target, status, referrer));
  }
  state.progress = { ...state.progress, findings: collector.found };
}

/** Each remembered target on a fetched host that the crawl did not answer for, checked once. */
async function checkTargets(
  book: LinkBook,
  parts: ScanParts,
  hosts: readonly string[],
  state: RunState,
): Promise<void> {
  let checks = 0;
  for (const target of book.targets.keys()) {
    if (state.signal.aborted || checks >= CHECKS) return;
    if (book.answered.has(target)) continue;
    const host = hostOf(target);
    if (!host || !hosts.some((h) => hostKey(h) === host)) continue;
    checks += 1;
    state.progress = { ...state.progress, current: target };
    book.answered.set(target, await parts.checkLink(target, hosts, state.signal));
  }
}

function deadLink(target: string, status: number, referrer: Referrer): PageFinding {
  return {
    detector: 'dead-link',
    source: referrer.source.slice(0, 2048),
    line: referrer.line,
    column: referrer.column,
    match: target.slice(0, 400),
    context: referrer.context,
    target: target.slice(0, 2048),
    status,
  };
}
