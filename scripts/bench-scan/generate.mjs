import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The benchmark's corpus (cached): `parts` folders of about 100 MB each (part-0, part-1, …) of
 * mostly Chinese school pages, HTML (some GBK-encoded, declared as such) and TXT, 5–200 KB each,
 * with links, a few mobile numbers and some of the word list's terms; and the 2,000-term word
 * list (Chinese and Latin, seven categories), as the CLI reads it (term, tab, category) and as
 * ripgrep reads it (one term a line). Made from the planted site's page makers
 * (scripts/scan-fixtures/planted-text.ts, bundled by the caller and passed in as `text`).
 */

export const CORPUS_VERSION = 1;
export const PART_MB = 100;
const TERMS = 2000;
const PLANTED_TERMS = 100;
const CATEGORIES = ['赌博', '色情', '暴力', '迷信', '诈骗', '违规软件', 'gambling'];
const HANZI =
  '琼瑶殇魇魑魅魍魉饕餮貔貅麒麟凤凰鸾鹤蛟螭夔虬鲲鹏骊骅骐骥驽骀犴狴犰狳猊猞猁獬豸鼋鼍蜃蝮蛇蟒蚺' +
  '彩票博赌牌骰筹赔庄闲盘球盈亏押注返水代充刷单兼职贷款套现裸聊约炮迷药催情符咒算命转运';
const LATIN = ['casino', 'bet', 'slot', 'poker', 'lotto', 'vpn', 'proxy', 'loan', 'cash', 'win'];

function wordList(text, random) {
  const terms = new Set();
  while (terms.size < TERMS * 0.75) {
    let term = '';
    const length = random.int(2, 5);
    for (let i = 0; i < length; i += 1) term += HANZI[random.int(0, HANZI.length - 1)];
    terms.add(term);
  }
  while (terms.size < TERMS) terms.add(`${random.pick(LATIN)}-${random.digits(4)}`);
  return [...terms].map((term, i) => ({ term, category: CATEGORIES[i % CATEGORIES.length] }));
}

function page(text, random, words, kind, target, links) {
  const lines = [];
  let size = 0;
  const push = (line) => {
    lines.push(line);
    size += line.length * 3;
  };
  if (kind !== 'txt') {
    const charset = kind === 'gbk' ? 'gbk' : 'utf-8';
    push(
      `<!DOCTYPE html><html><head><meta charset="${charset}"><title>学校新闻</title></head><body>`,
    );
    push(`<div class="nav">${links.map((l) => `<a href="${l}">栏目</a>`).join(' ')}</div>`);
  }
  while (size < target) {
    let line = text.prose(random, random.int(200, 900));
    const roll = random.next();
    if (roll < 0.04) line += `提醒：远离${random.pick(words).term}。`;
    else if (roll < 0.05) line += `联系电话：${text.mobile(random)}`;
    push(kind === 'txt' ? line : `<p>${line}</p>`);
  }
  if (kind !== 'txt') {
    push('<p>京ICP备05012345号-1　京公网安备11010802012345号</p>');
    push('</body></html>');
  }
  const body = `${lines.join('\n')}\n`;
  return kind === 'gbk' ? text.encodeGbk(body) : body;
}

/** Makes the corpus in `folder` unless it is already there, complete, for these parameters. */
export function ensureCorpus({ folder, parts, seed, text, log }) {
  const marker = path.join(folder, 'corpus.json');
  const wanted = JSON.stringify({ version: CORPUS_VERSION, parts, seed });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const random = new text.Random(seed);
  const list = wordList(text, random);
  writeFileSync(
    path.join(folder, 'words.txt'),
    list.map((w) => `${w.term}\t${w.category}\n`).join(''),
  );
  writeFileSync(path.join(folder, 'words-rg.txt'), list.map((w) => `${w.term}\n`).join(''));
  const planted = list.filter((_, i) => i % (TERMS / PLANTED_TERMS) === 0);
  for (let part = 0; part < parts; part += 1) {
    log(`  generating corpus part ${part + 1}/${parts} (${PART_MB} MB)…`);
    let bytes = 0;
    for (let n = 0; bytes < PART_MB * 1e6; n += 1) {
      const roll = random.next();
      const kind = roll < 0.1 ? 'gbk' : roll < 0.3 ? 'txt' : 'html';
      const dir = `part-${part}/section-${n % 20}`;
      const name = `page-${String(n).padStart(5, '0')}.${kind === 'txt' ? 'txt' : 'html'}`;
      const links = [
        `page-${String(n + 1).padStart(5, '0')}.html`,
        '../section-0/index.html',
        '/about.html',
      ];
      const data = page(text, random, planted, kind, random.int(5, 200) * 1024, links);
      mkdirSync(path.join(folder, 'corpus', dir), { recursive: true });
      writeFileSync(path.join(folder, 'corpus', dir, name), data);
      bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    }
  }
  writeFileSync(marker, wanted);
}
