import { charsetOfContentType } from '../../../../shared/scan/charset';
import { SCAN_LIMITS } from '../../../../shared/scan/finding';
import { hostKey } from '../../../../shared/scan/hosts';
import type { ScanNote } from '../../../../shared/scan/finding';
import type { PageKind } from '../../../../shared/scan/page';
import type { CrawledPage, CrawlOptions } from '../scan-parts';
import { sourceNote } from './notes';
import { pageOfBytes } from './read-document';
import { ALLOW_ALL, parseRobots, robotsAllow } from './robots';
import type { RobotsRules } from './robots';

/** What the network errors a school's IT staff meet mean, in words (the code stays in brackets). */
const NETWORK_ERRORS: Readonly<Record<string, readonly [string, string]>> = {
  ECONNREFUSED: [
    '对方拒绝连接（网站没有在这个地址和端口上运行）',
    'the connection was refused (no site runs at this address and port)',
  ],
  ENOTFOUND: [
    '找不到这个主机名（检查拼写，或本机无法解析域名）',
    'the host name was not found (check the spelling, or this computer cannot resolve names)',
  ],
  EAI_AGAIN: [
    '暂时无法解析主机名（检查网络连接）',
    'the host name could not be resolved for now (check the network)',
  ],
  ECONNRESET: ['连接被对方中断', 'the connection was reset'],
  ETIMEDOUT: ['连接超时', 'the connection timed out'],
  EHOSTUNREACH: [
    '无法到达这个主机（检查网络连接）',
    'the host cannot be reached (check the network)',
  ],
  ENETUNREACH: ['网络不可用（检查网络连接）', 'the network is unreachable (check the network)'],
  CERT_HAS_EXPIRED: ['网站的 HTTPS 证书已过期', "the site's HTTPS certificate has expired"],
  DEPTH_ZERO_SELF_SIGNED_CERT: [
    '网站使用自签名的 HTTPS 证书',
    'the site uses a self-signed HTTPS certificate',
  ],
  SELF_SIGNED_CERT_IN_CHAIN: [
    '网站的 HTTPS 证书链中有自签名证书',
    "a self-signed certificate is in the site's HTTPS chain",
  ],
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: [
    '无法验证网站的 HTTPS 证书',
    "the site's HTTPS certificate cannot be verified",
  ],
  ERR_TLS_CERT_ALTNAME_INVALID: [
    '网站的 HTTPS 证书不是为这个主机名签发的',
    "the site's HTTPS certificate is not for this host name",
  ],
};

/**
 * The only code in the app that touches the network (eslint.config.js forbids it everywhere
 * else): the content review fetching the school's own site, started by the user. It fetches
 * only http(s) URLs on the hosts the user listed, follows redirects by hand and checks every
 * hop, one request at a time with a pause between them, each with a timeout and a byte cap,
 * within page and time caps, honouring robots.txt; the caller's signal stops it at once.
 */

export interface FetchLimits {
  /** One request, headers and body. */
  readonly timeoutMs: number;
  /** Bytes read of an HTML or text page; the rest is cut off. */
  readonly pageBytes: number;
  /** Bytes read of a PDF or DOCX found on the site. */
  readonly documentBytes: number;
  /** Pages fetched in one crawl. */
  readonly pages: number;
  /** The whole crawl. */
  readonly totalMs: number;
  /** The pause between two requests. */
  readonly delayMs: number;
  /** Redirect hops followed for one URL. */
  readonly redirects: number;
}

export const FETCH_LIMITS: FetchLimits = {
  timeoutMs: 15_000,
  pageBytes: 5 * 1024 * 1024,
  documentBytes: 20 * 1024 * 1024,
  pages: 2_000,
  totalMs: 60 * 60 * 1000,
  delayMs: 300,
  redirects: 5,
};

/** Who is asking, in every request (ASCII: a header cannot carry Chinese). */
export const USER_AGENT = 'QinglangInspector/1.0 (school network-security content review)';

export interface FetchOptions {
  readonly limits?: Partial<FetchLimits>;
  readonly userAgent?: string;
  /** The fetch to use (tests); the global one otherwise. */
  readonly fetchImpl?: typeof fetch;
}

/** Pages waiting to be fetched, at most, so a site of generated links cannot fill memory. */
const QUEUE_FACTOR = 20;

const note = sourceNote;

/** A URL's host[:port] as hosts are compared (hostKey), when it is http(s); null otherwise. */
function hostOf(url: URL): string | null {
  return url.protocol === 'http:' || url.protocol === 'https:' ? hostKey(url.host) : null;
}

function parse(url: string, base?: string): URL | null {
  try {
    const parsed = new URL(url, base);
    parsed.hash = '';
    return parsed;
  } catch {
    return null;
  }
}

/** Waits between requests; the wait ends early when the signal aborts. */
class Pacer {
  private last = 0;
  constructor(private readonly delayMs: number) {}

  async wait(signal: AbortSignal): Promise<void> {
    const due = this.last + this.delayMs - Date.now();
    if (due > 0)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, due);
        function done(): void {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        }
        signal.addEventListener('abort', done, { once: true });
      });
    signal.throwIfAborted();
    this.last = Date.now();
  }
}

/** Link checks come one call at a time: they share a pace, as a crawl's requests do. */
const LINK_PACERS = new Map<number, Pacer>();

type Fetched =
  | { readonly ok: true; readonly response: Response; readonly url: URL }
  | { readonly ok: false; readonly note: ScanNote | null; readonly status: number };

/** One fetcher per crawl or link check: its limits, its allowed hosts, its pace. */
class Fetcher {
  readonly limits: FetchLimits;
  private readonly pacer: Pacer;
  private readonly fetchImpl: typeof fetch;
  private readonly userAgent: string;
  private readonly hosts: Set<string>;
  private readonly deadline: number;
  private readonly robots = new Map<string, RobotsRules>();

  constructor(
    hosts: readonly string[],
    readonly signal: AbortSignal,
    options: FetchOptions,
    pacers?: Map<number, Pacer>,
  ) {
    this.limits = { ...FETCH_LIMITS, ...options.limits };
    const shared = pacers?.get(this.limits.delayMs);
    this.pacer = shared ?? new Pacer(this.limits.delayMs);
    if (pacers && !shared) pacers.set(this.limits.delayMs, this.pacer);
    this.fetchImpl = options.fetchImpl ?? fetch;
    this.userAgent = options.userAgent ?? USER_AGENT;
    this.hosts = new Set(hosts.map(hostKey));
    this.deadline = Date.now() + this.limits.totalMs;
  }

  allowed(url: URL): boolean {
    const host = hostOf(url);
    return host !== null && this.hosts.has(host);
  }

  get timeLeft(): number {
    return this.deadline - Date.now();
  }

  /** One request, no redirect followed; throws only when the caller's signal aborts. */
  private async request(url: URL, method: 'GET' | 'HEAD'): Promise<Response | ScanNote> {
    await this.pacer.wait(this.signal);
    const timeout = AbortSignal.timeout(
      Math.max(1, Math.min(this.limits.timeoutMs, this.timeLeft)),
    );
    try {
      return await this.fetchImpl(url, {
        method,
        redirect: 'manual',
        headers: { 'user-agent': this.userAgent, accept: 'text/html,text/plain;q=0.9,*/*;q=0.5' },
        signal: AbortSignal.any([this.signal, timeout]),
      });
    } catch (error) {
      this.signal.throwIfAborted();
      return this.failure(url.href, error);
    }
  }

  failure(source: string, error: unknown): ScanNote {
    if (error instanceof Error && error.name === 'TimeoutError')
      return note(
        source,
        'fetch-timeout',
        `${this.limits.timeoutMs / 1000} 秒内没有完成应答，已放弃`,
        `No complete answer within ${this.limits.timeoutMs / 1000} s; given up`,
      );
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const why = cause instanceof Error ? cause.message : String(cause);
    const code = (cause as { code?: unknown } | null)?.code;
    const plain = typeof code === 'string' ? NETWORK_ERRORS[code] : undefined;
    return plain
      ? note(
          source,
          'fetch-failed',
          `无法获取：${plain[0]}（${why}）`,
          `Could not be fetched: ${plain[1]} (${why})`,
        )
      : note(source, 'fetch-failed', `无法获取：${why}`, `Could not be fetched: ${why}`);
  }

  /** Fetches a URL, following redirects by hand: each hop must stay on the listed hosts. */
  async follow(start: URL, method: 'GET' | 'HEAD'): Promise<Fetched> {
    const seen = new Set<string>([start.href]);
    let url = start;
    for (let hop = 0; ; hop++) {
      const response = await this.request(url, method);
      if (!(response instanceof Response)) return { ok: false, note: response, status: 0 };
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null)
        return { ok: true, response, url };
      await response.body?.cancel().catch(() => undefined);
      const next = parse(location, url.href);
      if (!next || !this.allowed(next)) {
        const shown = next?.href ?? location;
        return {
          ok: false,
          status: response.status,
          note: note(
            start.href,
            'redirect-refused',
            `重定向到未列出的网址 ${shown}，未跟随`,
            `Redirects to ${shown}, which is not on the listed hosts; not followed`,
          ),
        };
      }
      if (seen.has(next.href) || hop + 1 > this.limits.redirects)
        return {
          ok: false,
          status: 0,
          note: note(
            start.href,
            'redirect-loop',
            `重定向循环或超过 ${this.limits.redirects} 次，已放弃`,
            `Redirects in a loop or more than ${this.limits.redirects} times; given up`,
          ),
        };
      seen.add(next.href);
      url = next;
    }
  }

  /** Whether robots.txt lets this app fetch a URL (read once per host; no file allows all). */
  async robotsAllow(url: URL): Promise<boolean> {
    let rules = this.robots.get(url.host);
    if (!rules) {
      rules = ALLOW_ALL;
      const fetched = await this.follow(new URL('/robots.txt', url), 'GET');
      if (fetched.ok && fetched.response.status === 200) {
        const body = await readCapped(fetched.response, 512 * 1024);
        if (body.bytes) rules = parseRobots(new TextDecoder().decode(body.bytes));
      } else if (fetched.ok) await fetched.response.body?.cancel().catch(() => undefined);
      this.robots.set(url.host, rules);
    }
    return robotsAllow(rules, url);
  }
}

/** A response body read up to `cap` bytes; the rest is not read. */
async function readCapped(
  response: Response,
  cap: number,
): Promise<{ bytes: Uint8Array | null; cut: boolean; error?: unknown }> {
  const reader = response.body?.getReader();
  if (!reader) return { bytes: new Uint8Array(0), cut: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  let cut = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = cap - size;
      chunks.push(value.length > room ? value.subarray(0, room) : value);
      size += Math.min(value.length, room);
      if (value.length >= room) {
        cut = value.length > room || !(await reader.read()).done;
        if (cut) await reader.cancel().catch(() => undefined);
        break;
      }
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    return { bytes: null, cut: false, error };
  }
  return { bytes: Buffer.concat(chunks), cut };
}

/** How a response is read, by its Content-Type: a page, a document, or not at all. */
function kindOfContentType(header: string | null): PageKind | null {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml' || type === '') return 'html';
  if (type === 'text/plain') return 'text';
  if (type === 'application/pdf') return 'pdf';
  if (type === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    return 'docx';
  return null;
}

/** Fetches one page and makes what the run sees of it; throws only when the signal aborts. */
async function fetchPage(fetcher: Fetcher, url: URL): Promise<CrawledPage> {
  const requested = url.href;
  const fetched = await fetcher.follow(url, 'GET');
  if (!fetched.ok)
    return {
      url: requested,
      status: fetched.status,
      page: null,
      bytes: 0,
      notes: fetched.note ? [fetched.note] : [],
    };
  const { response } = fetched;
  const final = fetched.url.href;
  const kind = kindOfContentType(response.headers.get('content-type'));
  if (response.status >= 400 || kind === null) {
    await response.body?.cancel().catch(() => undefined);
    return { url: requested, status: response.status, page: null, bytes: 0, notes: [] };
  }
  const cap =
    kind === 'pdf' || kind === 'docx' ? fetcher.limits.documentBytes : fetcher.limits.pageBytes;
  const body = await readCapped(response, cap);
  if (body.bytes === null) {
    fetcher.signal.throwIfAborted();
    return {
      url: requested,
      status: 0,
      page: null,
      bytes: 0,
      notes: [fetcher.failure(final, body.error)],
    };
  }
  const notes: ScanNote[] = [];
  if (body.cut) {
    const mb = (cap / 1024 / 1024).toFixed(1);
    if (kind === 'pdf' || kind === 'docx') {
      notes.push(
        note(final, 'too-large', `文件超过 ${mb} MB，未读取`, `Larger than ${mb} MB; not read`),
      );
      return {
        url: requested,
        status: response.status,
        page: null,
        bytes: body.bytes.length,
        notes,
      };
    }
    notes.push(
      note(
        final,
        'too-large',
        `页面超过 ${mb} MB，只检查了前 ${mb} MB`,
        `The page is larger than ${mb} MB; only its first ${mb} MB were checked`,
      ),
    );
  }
  const declared = charsetOfContentType(response.headers.get('content-type'));
  const read = pageOfBytes(body.bytes, { kind, source: final, baseUrl: final, declared });
  return {
    url: requested,
    status: response.status,
    page: read.page,
    bytes: body.bytes.length,
    notes: [...notes, ...read.notes],
  };
}

/**
 * Crawls the site breadth-first from `start`: each page fetched is handed to `onPage`, whose
 * answer (the page's links) is queued when on the listed hosts and not seen before. Resolves
 * with the notes about the crawl as a whole (caps, hosts refused); throws only when the
 * signal aborts.
 */
export async function crawlSite(options: CrawlOptions & FetchOptions): Promise<ScanNote[]> {
  const fetcher = new Fetcher(options.hosts, options.signal, options);
  const { pages: pageCap } = fetcher.limits;
  const notes: ScanNote[] = [];
  const refusedHosts = new Set<string>();
  const seen = new Set<string>();
  const queue: URL[] = [];
  const enqueue = (link: string, base?: string): void => {
    const url = parse(link, base);
    if (!url || hostOf(url) === null || seen.has(url.href) || url.href.length > SCAN_LIMITS.source)
      return;
    if (!fetcher.allowed(url)) {
      const host = url.host.toLowerCase();
      if (refusedHosts.has(host) || refusedHosts.size >= 100) return;
      refusedHosts.add(host);
      notes.push(
        note(
          url.href,
          'host-refused',
          `${host} 不在所列网站内，其页面未获取`,
          `${host} is not a listed host; its pages were not fetched`,
        ),
      );
      return;
    }
    if (queue.length >= pageCap * QUEUE_FACTOR) return;
    seen.add(url.href);
    queue.push(url);
  };
  enqueue(options.start);
  let fetched = 0;
  for (let next = queue.shift(); next; next = queue.shift()) {
    options.signal.throwIfAborted();
    if (fetched >= pageCap || fetcher.timeLeft <= 0) {
      notes.push(capNote(fetched >= pageCap, fetcher.limits, queue.length + 1));
      break;
    }
    if (!(await fetcher.robotsAllow(next))) {
      notes.push(
        note(
          next.href,
          'fetch-failed',
          '网站的 robots.txt 不允许获取此页面，已跳过',
          "The site's robots.txt disallows this page; skipped",
        ),
      );
      continue;
    }
    fetched++;
    const page = await fetchPage(fetcher, next);
    const links = options.onPage(page);
    const base = page.page?.baseUrl ?? next.href;
    for (const link of links) enqueue(link, base);
  }
  return notes;
}

function capNote(pages: boolean, limits: FetchLimits, left: number): ScanNote {
  return pages
    ? note(
        '',
        'page-cap',
        `已获取 ${limits.pages} 个页面（上限），其余 ${left} 个未获取`,
        `${limits.pages} pages fetched (the limit); ${left} more were not fetched`,
      )
    : note(
        '',
        'page-cap',
        `已用完 ${limits.totalMs / 60000} 分钟的时间上限，其余 ${left} 个页面未获取`,
        `The ${limits.totalMs / 60000}-minute limit was reached; ${left} more pages were not fetched`,
      );
}

/**
 * The HTTP status of a resource on the listed hosts (an image, a script, a page past the cap):
 * HEAD, then GET when HEAD is not answered or not allowed. 0 when it cannot be reached (another
 * host, a timeout, a redirect loop); a redirect to another host counts as its redirect status.
 */
export async function checkLink(
  target: string,
  hosts: readonly string[],
  signal: AbortSignal,
  options: FetchOptions = {},
): Promise<number> {
  const fetcher = new Fetcher(hosts, signal, options, LINK_PACERS);
  const url = parse(target);
  if (!url || !fetcher.allowed(url)) return 0;
  const head = await fetcher.follow(url, 'HEAD');
  if (head.ok) {
    await head.response.body?.cancel().catch(() => undefined);
    if (head.response.status !== 405 && head.response.status !== 501) return head.response.status;
  } else if (head.note?.code !== 'fetch-failed') return head.status;
  const get = await fetcher.follow(url, 'GET');
  if (!get.ok) return get.status;
  await get.response.body?.cancel().catch(() => undefined);
  return get.response.status;
}
