import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A valid resident ID number (GB 11643 check digit), planted in a class list. */
export const ID_NUMBER = '110108200803151231';
/** A mobile number, planted next to 联系电话. */
export const PHONE = '13812345678';
/** The hidden gambling link's target. */
export const GAMBLING = 'http://bet-casino.example/';
/** A word on the bureau's list, planted in a page. */
export const LISTED_WORD = '网络赌博';

const FOOTER = '<footer>京ICP备12345678号 京公网安备11010802012345号</footer>';

/** The pages of a small school site, with one of each planted leak. */
export const PAGES: Readonly<Record<string, string>> = {
  'index.html': `<!doctype html><html><head><meta charset="utf-8"><title>示范中学</title></head><body>
<h1>北京市海淀区示范中学</h1>
<p><a href="news/list.html">通知公告</a> <a href="about.html">学校简介</a></p>
<div style="display:none"><a href="${GAMBLING}">澳门线上娱乐</a></div>
<p>请家长提醒孩子远离${LISTED_WORD}。</p>
${FOOTER}</body></html>`,
  'news/list.html': `<!doctype html><html><head><meta charset="utf-8"><title>初二（3）班名单</title></head><body>
<h1>初二（3）班分班名单</h1>
<p>学生：张小明，身份证号：${ID_NUMBER}</p>
<p>班主任联系电话：${PHONE}</p>
<p><a href="../index.html">返回首页</a> <a href="old-notice.html">往期通知</a></p>
${FOOTER}</body></html>`,
  'about.html': `<!doctype html><html><head><meta charset="utf-8"><title>学校简介</title></head><body>
<p>学校创办于 1952 年。</p><p><a href="index.html">首页</a></p>
${FOOTER}</body></html>`,
};

/** The bureau's word list: one term a line, its category after a tab. */
export const WORD_LIST = `# 示例词表\n${LISTED_WORD}\t赌博\n六合彩\t赌博\n`;

/** Writes the site as a folder (a saved copy) and the word list beside it. */
export async function writeSite(): Promise<{ site: string; words: string; root: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'qinglang-content-e2e-'));
  const site = path.join(root, 'xxzx-site');
  for (const [file, html] of Object.entries(PAGES)) {
    await mkdir(path.dirname(path.join(site, file)), { recursive: true });
    await writeFile(path.join(site, file), html);
  }
  const words = path.join(root, '词表.txt');
  await writeFile(words, WORD_LIST);
  return { site, words, root };
}

/**
 * The same site served on 127.0.0.1, plus `/slow/<n>`: an endless chain of pages each answered
 * after `slowMs`, so a run is still going when the test cancels it.
 */
export async function serveSite(slowMs = 400): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const slow = /^\/slow\/(\d+)$/.exec(url.pathname);
    if (slow) {
      const n = Number(slow[1]);
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          `<html><body><p>第 ${n} 页</p><a href="/slow/${n + 1}">下一页</a>${FOOTER}</body></html>`,
        );
      }, slowMs);
      return;
    }
    const file = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    const html = PAGES[file];
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}
