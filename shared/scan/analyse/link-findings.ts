import type { HidingTrick } from '../detectors';
import { maskContext } from '../mask';
import { FOLDER_BASE, type PageFinding, type PageLink } from '../page';
import type { LineIndex } from '../text/lines';
import { hostKey } from '../hosts';
import { hostOf } from '../html/url';
import type { FindingCap } from './text-findings';

/**
 * Link findings for one page (issue 13). A link to a host that is not the school's (nor inside
 * the scanned folder) is an `external-link`, once per target; a hidden one is a `hidden-link`
 * with its trick instead (not both: the same planted link counted twice is noise the inspector
 * has to mark twice). A hidden link to the school's own pages (a skip link, a folded menu) is no
 * attack and is not reported. Links to the school's own hosts are handed back for
 * the run to check they are alive.
 */

export interface FoundLink {
  /** Absolute http(s), without its fragment. */
  readonly target: string;
  /** Offset in the page's text. */
  readonly offset: number;
  readonly navigable: boolean;
  readonly trick: HidingTrick | null;
}

const FOLDER_HOST = hostOf(FOLDER_BASE)?.host ?? 'folder.invalid';

/**
 * Whether a link stays on the school's site (or inside the scanned folder). `ownHosts` are
 * hostKey()s; a trailing dot on the link's host (`www.school.cn./x`) makes it no other host.
 */
export function isOwnLink(target: string, ownHosts: ReadonlySet<string>): boolean {
  const host = hostOf(target);
  if (!host) return false;
  return (
    host.host === FOLDER_HOST ||
    ownHosts.has(hostKey(host.host)) ||
    ownHosts.has(hostKey(host.hostname))
  );
}

export interface LinkResults {
  readonly findings: PageFinding[];
  readonly links: PageLink[];
}

export function linkFindings(
  source: string,
  pageText: string,
  lines: LineIndex,
  found: readonly FoundLink[],
  ownHosts: readonly string[],
  cap: FindingCap,
): LinkResults {
  const own = new Set(ownHosts.map(hostKey));
  const findings: PageFinding[] = [];
  const links = new Map<string, PageLink>();
  const external = new Set<string>();
  const hidden = new Set<string>();
  const ownTarget = new Map<string, boolean>();
  for (const link of found) {
    const place = () => ({
      ...lines.position(link.offset),
      context: maskContext(pageText, link.offset, link.offset + 1, []),
    });
    let isOwn = ownTarget.get(link.target);
    if (isOwn === undefined) {
      isOwn = isOwnLink(link.target, own);
      ownTarget.set(link.target, isOwn);
    }
    if (isOwn) {
      const known = links.get(link.target);
      if (!known || (!known.navigable && link.navigable)) {
        links.set(link.target, { target: link.target, ...place(), navigable: link.navigable });
      }
      continue;
    }
    const newHidden = link.trick !== null && !hidden.has(link.target);
    if (!newHidden && external.has(link.target)) continue;
    const { line, column, context } = place();
    const base = {
      source,
      line,
      column,
      match: link.target.slice(0, 400),
      context,
      target: link.target,
    };
    if (link.trick) {
      if (!hidden.has(link.target) && cap.take('hidden-link')) {
        hidden.add(link.target);
        external.add(link.target);
        findings.push({ detector: 'hidden-link', ...base, trick: link.trick });
      }
    } else if (!external.has(link.target) && cap.take('external-link')) {
      external.add(link.target);
      findings.push({ detector: 'external-link', ...base });
    }
  }
  return { findings, links: [...links.values()] };
}
