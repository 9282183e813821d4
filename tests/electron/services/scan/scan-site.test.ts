import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCAN_PARTS } from '../../../../electron/services/scan/scan-parts-default';
import { startScan } from '../../../../electron/services/scan/scan-run';
import { checkLink, crawlSite } from '../../../../electron/services/scan/sources/site-fetch';
import { scanReportSchema } from '../../../../shared/scan/finding';

/** A school site on a local server: pages linking to a missing page, a broken page and images. */
const FOOTER = '<p>京ICP备05012345号 京公网安备11010802012345号</p>';
const PAGES: Record<string, string> = {
  '/': [
    '<a href="/a.html">a</a>',
    '<a href="/b.html">b</a>',
    '<a href="/gone.html">gone</a>',
    '<a href="/c.html">c</a>',
    '<a href="/contact.html">contact</a> <a href="/contact.html?from=menu">contact</a>',
    FOOTER,
  ].join('\n'),
  '/a.html': [
    '<p>A</p>',
    '<a href="/gone.html">again</a>',
    '<img src="/img/missing.png">',
    '<img src="/img/ok.png">',
    FOOTER,
  ].join('\n'),
  '/b.html': [
    '<p>B</p>',
    '<a href="/broken.html">broken</a>',
    '<a href="/gone.html">and again</a>',
    FOOTER,
  ].join('\n'),
  '/c.html': [
    '<a href="/gone.html">fourth</a>',
    '<a href="/c.html?page=1">page 1</a>',
    FOOTER,
  ].join('\n'),
  // The same page under a second address, with a phone number on it.
  '/c.html?page=1': [
    '<a href="/gone.html">fourth</a>',
    '<a href="/c.html?page=1">page 1</a>',
    FOOTER,
  ].join('\n'),
  '/contact.html': ['<p>联系电话：13812345678</p>', FOOTER].join('\n'),
  '/contact.html?from=menu': ['<p>联系电话：13812345678</p>', FOOTER].join('\n'),
};

let server: http.Server;
let host = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    const body = PAGES[path];
    if (body !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(body);
    }
    if (path === '/img/ok.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end('png');
    }
    if (path === '/broken.html') {
      res.writeHead(500, { 'content-type': 'text/html' });
      return res.end('error');
    }
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const parts = {
  ...SCAN_PARTS,
  crawlSite: (options: Parameters<typeof crawlSite>[0]) =>
    crawlSite({ ...options, limits: { delayMs: 0 } }),
  checkLink: (url: string, hosts: readonly string[], signal: AbortSignal) =>
    checkLink(url, hosts, signal, { limits: { delayMs: 0 } }),
};

/** The local site scanned from its front page, the server its only host. */
const scanSite = () =>
  startScan(
    {
      source: { kind: 'site', start: `http://${host}/`, hosts: [host] },
      ownHosts: [],
      words: null,
      appVersion: 'test',
    },
    parts,
  ).report;

describe('startScan of a site', { timeout: 30_000 }, () => {
  it('gives each page linking to a page or image answering 4xx/5xx a dead link, a few per target', async () => {
    const report = await scanSite();
    expect(scanReportSchema.parse(report)).toEqual(report);
    expect(report.source).toEqual({ kind: 'site', start: `http://${host}/`, hosts: [host] });
    const dead = report.findings
      .filter((f) => f.detector === 'dead-link')
      .map((f) => [
        f.source.replace(`http://${host}`, ''),
        f.line,
        f.target?.replace(`http://${host}`, ''),
        f.status,
      ]);
    // /gone.html is linked from four pages: three are named.
    expect(dead).toEqual([
      ['/', 3, '/gone.html', 404],
      ['/a.html', 2, '/gone.html', 404],
      ['/a.html', 3, '/img/missing.png', 404],
      ['/b.html', 2, '/broken.html', 500],
      ['/b.html', 3, '/gone.html', 404],
    ]);
    expect(report.totals.scanned).toBe(7);
    expect(report.complete).toBe(true);
  });

  it('reports a page met again under another address once', async () => {
    const report = await scanSite();
    const phones = report.findings.filter((f) => f.detector === 'phone');
    expect(phones.map((f) => f.source.replace(`http://${host}`, ''))).toEqual(['/contact.html']);
  });
});
