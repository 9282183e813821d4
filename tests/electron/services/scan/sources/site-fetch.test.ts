import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawledPage } from '../../../../../electron/services/scan/scan-parts';
import { checkLink, crawlSite } from '../../../../../electron/services/scan/sources/site-fetch';
import type { FetchLimits } from '../../../../../electron/services/scan/sources/site-fetch';

/** 学生名单 in GBK. */
const GBK_LIST = Buffer.from('d1a7c9fac3fbb5a5', 'hex');

let server: http.Server;
let port: number;
/** The two hosts the same server answers as: one listed, one not. */
let A: string;
let B: string;
const requests: string[] = [];
const agents: string[] = [];

const page = (
  res: http.ServerResponse,
  body: string | Buffer,
  type = 'text/html; charset=utf-8',
  status = 200,
): void => {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(`${req.method} ${req.headers.host}${path}`);
    agents.push(req.headers['user-agent'] ?? '');
    if (path === '/robots.txt')
      return page(res, 'User-agent: *\nDisallow: /private\n', 'text/plain');
    if (path === '/')
      return page(
        res,
        '<a href="/a.html">a</a><a href="/b.html">b</a><a href="/private/x.html">p</a>',
      );
    if (path === '/a.html') return page(res, '<p>A</p><a href="/c.html">c</a>');
    if (path === '/b.html') return page(res, '<p>B</p>');
    if (path === '/c.html') return page(res, '<p>C</p>');
    if (path === '/away') {
      res.writeHead(302, { location: `http://${B}/stolen` });
      return res.end();
    }
    if (path === '/loop1' || path === '/loop2') {
      res.writeHead(301, { location: path === '/loop1' ? '/loop2' : '/loop1' });
      return res.end();
    }
    if (path === '/moved') {
      res.writeHead(301, { location: '/b.html' });
      return res.end();
    }
    if (path === '/slow') return void setTimeout(() => page(res, 'late'), 3000);
    if (path === '/endless') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = (): void => {
        while (res.write(chunk));
        res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      return pump();
    }
    if (path === '/gbk.html')
      return page(
        res,
        Buffer.concat([Buffer.from('<p>'), GBK_LIST, Buffer.from('</p>')]),
        'text/html; charset=GBK',
      );
    if (path === '/logo.png') return page(res, Buffer.from([0x89, 0x50, 0, 0]), 'image/png');
    if (path === '/no-head') {
      if (req.method === 'HEAD') return page(res, '', 'text/plain', 405);
      return page(res, 'ok', 'text/plain');
    }
    if (path === '/boom') return page(res, 'error', 'text/html', 500);
    if (path.startsWith('/gen/')) {
      const n = Number(path.slice(5));
      return page(res, `<a href="/gen/${n + 1}">next</a><a href="/gen/${n + 2}">skip</a>`);
    }
    return page(res, 'not here', 'text/html', 404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  A = `127.0.0.1:${port}`;
  B = `localhost:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const FAST: Partial<FetchLimits> = { delayMs: 0, timeoutMs: 2000 };

/** Crawls from a path on A; onPage follows every href in the page (the run's analysis, faked). */
async function crawl(
  path: string,
  limits: Partial<FetchLimits> = FAST,
  signal = new AbortController().signal,
) {
  const pages: CrawledPage[] = [];
  const notes = await crawlSite({
    start: `http://${A}${path}`,
    hosts: [A],
    signal,
    limits,
    onPage: (p) => {
      pages.push(p);
      return [...(p.page?.text ?? '').matchAll(/href="([^"]+)"/g)].map(
        (m) => new URL(m[1]!, p.page!.baseUrl).href,
      );
    },
  });
  return { pages, notes };
}

describe('crawlSite', () => {
  it('fetches a small site breadth-first, honouring robots.txt, naming the app in every request', async () => {
    requests.length = 0;
    agents.length = 0;
    const { pages, notes } = await crawl('/');
    expect(pages.map((p) => [new URL(p.url).pathname, p.status])).toEqual([
      ['/', 200],
      ['/a.html', 200],
      ['/b.html', 200],
      ['/c.html', 200],
    ]);
    expect(pages[1]!.page).toEqual({
      source: `http://${A}/a.html`,
      kind: 'html',
      text: '<p>A</p><a href="/c.html">c</a>',
      baseUrl: `http://${A}/a.html`,
    });
    expect(notes.map((n) => [n.source, n.code])).toEqual([
      [`http://${A}/private/x.html`, 'fetch-failed'],
    ]);
    expect(notes[0]!.message['en-US']).toContain('robots.txt');
    expect(requests.filter((r) => r.includes('/private'))).toEqual([]);
    expect(new Set(agents)).toEqual(
      new Set(['QinglangInspector/1.0 (school network-security content review)']),
    );
  });

  it('never fetches another host: a link to it or a redirect to it is refused with a note', async () => {
    requests.length = 0;
    const linked = await crawlSite({
      start: `http://${B}/`,
      hosts: [A],
      signal: new AbortController().signal,
      limits: FAST,
      onPage: () => [],
    });
    expect(linked.map((n) => n.code)).toEqual(['host-refused']);
    const { pages, notes } = await crawl('/away');
    expect(pages.map((p) => [p.status, p.page])).toEqual([[302, null]]);
    expect(pages[0]!.notes.map((n) => n.code)).toEqual(['redirect-refused']);
    expect(notes).toEqual([]);
    expect(requests.some((r) => r.startsWith(`GET ${B}`))).toBe(false);
  });

  it('follows a redirect on the listed hosts and notes a redirect loop', async () => {
    const moved = await crawl('/moved');
    expect(moved.pages[0]!.page!.source).toBe(`http://${A}/b.html`);
    const loop = await crawl('/loop1');
    expect(loop.pages[0]!.status).toBe(0);
    expect(loop.pages[0]!.notes.map((n) => n.code)).toEqual(['redirect-loop']);
  });

  it('gives up a slow answer at the timeout, with a note', async () => {
    const { pages } = await crawl('/slow', { delayMs: 0, timeoutMs: 200 });
    expect(pages[0]!.status).toBe(0);
    expect(pages[0]!.notes.map((n) => n.code)).toEqual(['fetch-timeout']);
  });

  it('says in words why a site could not be reached (the connection refused), keeping the code', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const pages: CrawledPage[] = [];
    await crawlSite({
      start: `http://${host}/`,
      hosts: [host],
      signal: new AbortController().signal,
      limits: FAST,
      onPage: (p) => {
        pages.push(p);
        return [];
      },
    });
    const [refused] = pages[0]!.notes;
    expect(refused?.code).toBe('fetch-failed');
    expect(refused?.message['zh-CN']).toMatch(/^无法获取：对方拒绝连接.*ECONNREFUSED/);
    expect(refused?.message['en-US']).toMatch(/^Could not be fetched: the connection was refused/);
  });

  it('cuts an endless body off at the byte cap and checks what it read', async () => {
    const { pages } = await crawl('/endless', { delayMs: 0, timeoutMs: 5000, pageBytes: 100_000 });
    expect(pages[0]!.bytes).toBe(100_000);
    expect(pages[0]!.page!.text).toHaveLength(100_000);
    expect(pages[0]!.notes.map((n) => n.code)).toEqual(['too-large']);
  });

  it('reports 404 and 500 with their status, and reads no page of them', async () => {
    const missing = await crawl('/nothing');
    expect(missing.pages.map((p) => [p.status, p.page])).toEqual([[404, null]]);
    const broken = await crawl('/boom');
    expect(broken.pages.map((p) => [p.status, p.page])).toEqual([[500, null]]);
  });

  it('decodes a GBK page declared only in its Content-Type header, without a note', async () => {
    const { pages } = await crawl('/gbk.html');
    expect(pages[0]!.page!.text).toBe('<p>学生名单</p>');
    expect(pages[0]!.notes).toEqual([]);
  });

  it('does not read an image as a page', async () => {
    const { pages } = await crawl('/logo.png');
    expect(pages.map((p) => [p.status, p.page, p.bytes])).toEqual([[200, null, 0]]);
  });

  it('stops at the page cap with a note', async () => {
    const { pages, notes } = await crawl('/gen/0', { delayMs: 0, pages: 5 });
    expect(pages).toHaveLength(5);
    expect(notes.map((n) => n.code)).toEqual(['page-cap']);
  });

  it('asks one request at a time', async () => {
    let open = 0;
    let most = 0;
    const counting: typeof fetch = async (input, init) => {
      most = Math.max(most, ++open);
      try {
        return await fetch(input, init);
      } finally {
        open--;
      }
    };
    const pages: CrawledPage[] = [];
    await crawlSite({
      start: `http://${A}/`,
      hosts: [A],
      signal: new AbortController().signal,
      limits: FAST,
      fetchImpl: counting,
      onPage: (p) => {
        pages.push(p);
        return [`http://${A}/a.html`, `http://${A}/b.html`, `http://${A}/c.html`];
      },
    });
    expect(pages).toHaveLength(4);
    expect(most).toBe(1);
  });

  it("stops at once when the caller's signal aborts", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(
      crawl('/slow', { delayMs: 0, timeoutMs: 10_000 }, controller.signal),
    ).rejects.toThrow();
  });
});

describe('checkLink', () => {
  const signal = new AbortController().signal;
  const url = (path: string): string => `http://${A}${path}`;

  it('answers the status of a resource, by HEAD or else GET', async () => {
    expect(await checkLink(url('/logo.png'), [A], signal, { limits: FAST })).toBe(200);
    expect(await checkLink(url('/missing.png'), [A], signal, { limits: FAST })).toBe(404);
    expect(await checkLink(url('/no-head'), [A], signal, { limits: FAST })).toBe(200);
    expect(await checkLink(url('/boom'), [A], signal, { limits: FAST })).toBe(500);
  });

  it('answers 0 for another host, a loop or a timeout, without asking another host', async () => {
    requests.length = 0;
    expect(await checkLink(`http://${B}/logo.png`, [A], signal, { limits: FAST })).toBe(0);
    expect(await checkLink(url('/loop1'), [A], signal, { limits: FAST })).toBe(0);
    expect(
      await checkLink(url('/slow'), [A], signal, { limits: { delayMs: 0, timeoutMs: 200 } }),
    ).toBe(0);
    expect(await checkLink(url('/away'), [A], signal, { limits: FAST })).toBe(302);
    expect(requests.some((r) => r.includes(B))).toBe(false);
  });
});
