import fs from 'node:fs';
import path from 'node:path';
import { writeDeflatedZip } from '../../electron/services/zip/zip-writer';
import type { DetectorName, HidingTrick } from '../../shared/scan/detectors';
import { HIDING_TRICKS } from '../../shared/scan/detectors';
import type { Random } from './planted-text';
import * as t from './planted-text';

/**
 * A saved copy of a school's website with leaks planted in it, and the manifest of what was
 * planted where (issue 13's acceptance: a scan must find every planted item and none of the near
 * misses). Realistic: a home page, news list and articles, notices with published lists (an
 * admission list with ID and mobile numbers, a ranked grade table, a subsidy list with bank
 * cards), an old GBK page, TXT, Markdown and DOCX files, images, a stylesheet, a script; one
 * hidden gambling link per hiding trick, external and dead links, listed words, and two articles
 * without the footer's filing numbers.
 */

export const OWN_HOST = 'www.example-school.edu.cn';

export interface PlantedItem {
  readonly detector: DetectorName;
  /** Relative to the site's folder, with '/'. */
  readonly file: string;
  /** The line it is on, or null when any line of the file will do (a DOCX, a page's filing). */
  readonly line: number | null;
  /** The last line it may be reported on (a grade table spans lines); defaults to `line`. */
  readonly lastLine?: number;
  /** What was planted, as written (unmasked: this is test data). */
  readonly what: string;
  readonly target?: string;
  readonly trick?: HidingTrick;
  readonly category?: string;
}

export interface PlantedManifest {
  readonly planted: PlantedItem[];
  /** Things that look like findings and must not be: a detector must not report their line. */
  readonly nearMisses: PlantedItem[];
  readonly words: { term: string; category: string }[];
  /** The word list as the bureau would hand it over (a tab between a term and its category). */
  readonly wordList: string;
  readonly ownHosts: string[];
}

export const WORDS = [
  { term: '六合彩', category: '赌博' },
  { term: '网络赌场', category: '赌博' },
  { term: '代写论文', category: '学术不端' },
  { term: '翻墙软件', category: '违规软件' },
  { term: 'casino-royale', category: '赌博' },
];

const FOOTER = [
  '<div class="footer">',
  '<p>版权所有：示范市第一中学　地址：示范市文化路 1 号　办公电话：010-62345678</p>',
  '<p>京ICP备05012345号-1　京公网安备11010802012345号</p>',
  '</div>',
];

const GAMBLING = [
  'www.bet365-vip.com',
  'www.amzcasino88.net',
  'www.pj-yule.cc',
  'www.hg0088-a.com',
];

/** A page being written, line by line, so each plant knows its line. */
class Page {
  readonly lines: string[] = [];

  constructor(
    readonly file: string,
    title: string,
    private readonly site: Site,
  ) {
    const up = '../'.repeat(file.split('/').length - 1);
    this.add('<!DOCTYPE html>', '<html lang="zh-CN">', '<head>', '<meta charset="utf-8">');
    this.add(`<title>${title} - 示范市第一中学</title>`);
    this.add(`<link rel="stylesheet" href="${up}css/style.css">`, '</head>', '<body>');
    this.add(
      `<div class="nav"><a href="${up}index.html">首页</a> <a href="${up}news/index.html">新闻</a>`,
    );
    this.add(
      `<a href="${up}notices/index.html">通知公告</a> <a href="http://${OWN_HOST}/about.html">学校概况</a></div>`,
    );
    this.add(`<h1>${title}</h1>`);
  }

  /** Adds lines; returns the number of the first. */
  add(...lines: string[]): number {
    this.lines.push(...lines);
    return this.lines.length - lines.length + 1;
  }

  prose(paragraphs: number): void {
    for (let i = 0; i < paragraphs; i += 1)
      this.add(`<p>${t.prose(this.site.random, this.site.random.int(60, 240))}</p>`);
  }

  plant(item: Omit<PlantedItem, 'file' | 'line'>, line: string): void {
    this.site.planted.push({ ...item, file: this.file, line: this.add(line) });
  }

  nearMiss(detector: DetectorName, what: string, line: string): void {
    this.site.nearMisses.push({ detector, what, file: this.file, line: this.add(line) });
  }

  text(footer = true): string {
    return [...this.lines, ...(footer ? FOOTER : []), '</body>', '</html>', ''].join('\n');
  }
}

class Site {
  readonly planted: PlantedItem[] = [];
  readonly nearMisses: PlantedItem[] = [];
  readonly random: Random;

  constructor(
    readonly dir: string,
    seed: string,
  ) {
    this.random = new t.Random(seed);
  }

  write(file: string, data: string | Uint8Array): void {
    const full = path.join(this.dir, ...file.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, data);
  }

  page(file: string, title: string): Page {
    return new Page(file, title, this);
  }
}

/** The hidden link of one trick, as one line of markup. */
function hiddenLink(trick: HidingTrick, host: string): string {
  const a = `<a href="http://${host}/">线上娱乐 真人博彩</a>`;
  switch (trick) {
    case 'display-none':
      return `<div style="display:none">${a}</div>`;
    case 'visibility-hidden':
      return `<div style="visibility: hidden">${a}</div>`;
    case 'zero-size':
      return `<div style="width:0;height:0;overflow:hidden">${a}</div>`;
    case 'off-screen':
      return `<div style="position:absolute;left:-9999px;top:-9999px">${a}</div>`;
    case 'font-size-zero':
      return `<span style="font-size:0">${a}</span>`;
    case 'same-colour':
      // A link has its own colour: the attacker gives it the background's.
      return `<div style="background-color:#ffffff"><a href="http://${host}/" style="color:#fff">线上娱乐 真人博彩</a></div>`;
    case 'tiny-marquee':
      return `<marquee width="1" height="1">${a}</marquee>`;
    case 'zero-size-iframe':
      return `<iframe src="http://${host}/" width="0" height="0" frameborder="0"></iframe>`;
    case 'script-written':
      return `<script>document.write('<a href="http://${host}/">线上娱乐</a>');</script>`;
  }
}

function admissionList(site: Site): void {
  const page = site.page('notices/admission-2024.html', '2024年七年级新生录取名单公示');
  const r = site.random;
  page.prose(1);
  page.add(
    '<table border="1">',
    '<tr><th>序号</th><th>姓名</th><th>身份证号</th><th>联系电话</th></tr>',
  );
  for (let i = 1; i <= 8; i += 1) {
    const id = t.idNumber(r);
    const phone = t.mobile(r);
    const shown = i === 3 ? `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}` : phone;
    const line = `<tr><td>${i}</td><td>${t.personName(r)}</td><td>${id}</td><td>${shown}</td></tr>`;
    const at = page.add(line);
    site.planted.push({ detector: 'id-number', file: page.file, line: at, what: id });
    site.planted.push({ detector: 'phone', file: page.file, line: at, what: shown });
  }
  page.add('</table>');
  const bad = t.badCheckId(r);
  page.nearMiss('id-number', bad, `<p>更正：原公示中的号码 ${bad} 有误，已删除。</p>`);
  const longer = `4${t.idNumber(r)}77`;
  page.nearMiss('id-number', longer, `<p>缴费流水号：${longer}</p>`);
  page.prose(1);
  site.write(page.file, page.text());
}

function gradeList(site: Site): void {
  const page = site.page('notices/grades-2024.html', '2024年春季期中考试成绩排名');
  const r = site.random;
  page.prose(1);
  const first = page.add(
    '<table>',
    '<tr><th>名次</th><th>姓名</th><th>班级</th><th>语文</th><th>数学</th><th>总分</th></tr>',
  );
  for (let i = 1; i <= 12; i += 1) {
    const total = 300 - i * 3;
    page.add(
      `<tr><td>${i}</td><td>${t.personName(r)}</td><td>七(${r.int(1, 6)})班</td><td>${r.int(80, 100)}</td><td>${r.int(80, 100)}</td><td>${total}</td></tr>`,
    );
  }
  const last = page.add('</table>');
  site.planted.push({
    detector: 'grade-list',
    file: page.file,
    line: first,
    lastLine: last,
    what: 'ranked grade table',
  });
  page.prose(1);
  site.write(page.file, page.text());
}

function subsidyList(site: Site): void {
  const page = site.page('notices/subsidy-2024.html', '2024年家庭经济困难学生资助发放名单');
  const r = site.random;
  page.prose(1);
  for (let i = 0; i < 3; i += 1) {
    const card = t.bankCard(r);
    page.plant(
      { detector: 'bank-card', what: card },
      `<p>${t.personName(r)}，资助金额 1000 元，银行卡号：${card}</p>`,
    );
  }
  const bad = t.badLuhnCard(r);
  page.nearMiss('bank-card', bad, `<p>（原公布卡号 ${bad} 填写错误，已作废）</p>`);
  page.prose(1);
  site.write(page.file, page.text());
}

function gbkPage(site: Site): void {
  const page = site.page('old/2012/notice.htm', '关于暑假安全教育的通知');
  page.lines[3] = '<meta http-equiv="Content-Type" content="text/html; charset=gbk">';
  const r = site.random;
  page.prose(2);
  const phone = t.mobile(r);
  page.plant(
    { detector: 'phone', what: phone },
    `<p>值班教师：${t.personName(r)}，手机 ${phone}</p>`,
  );
  const id = t.idNumber(r);
  page.plant({ detector: 'id-number', what: id }, `<p>联系人身份证号：${id}</p>`);
  site.write(page.file, t.encodeGbk(page.text()));
}

function textFiles(site: Site): void {
  const r = site.random;
  const txt = ['2023届毕业生联系名单', '姓名\t身份证号\t电话'];
  for (let i = 0; i < 2; i += 1) {
    const id = t.idNumber(r);
    txt.push(`${t.personName(r)}\t${id}\t${i === 0 ? t.mobile(r) : '无'}`);
    site.planted.push({
      detector: 'id-number',
      file: 'files/名单.txt',
      line: txt.length,
      what: id,
    });
    if (i === 0)
      site.planted.push({
        detector: 'phone',
        file: 'files/名单.txt',
        line: txt.length,
        what: txt.at(-1)!.split('\t')[2]!,
      });
  }
  site.write('files/名单.txt', `${txt.join('\n')}\n`);
  const phone = t.mobile(r);
  const wide = [...phone].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
  const md = [
    '# 社团招新说明',
    '',
    t.prose(r, 80),
    '',
    `报名请联系社团负责人：${wide}`,
    '',
    '严禁传播翻墙软件。',
  ];
  site.write('files/说明.md', `${md.join('\n')}\n`);
  site.planted.push({ detector: 'phone', file: 'files/说明.md', line: 5, what: wide });
  site.planted.push({
    detector: 'word',
    file: 'files/说明.md',
    line: 7,
    what: '翻墙软件',
    category: '违规软件',
  });
}

function docxFile(site: Site): void {
  const r = site.random;
  const id = t.idNumber(r);
  const phone = t.mobile(r);
  const xml = (s: string) => new TextEncoder().encode(s);
  const para = (s: string) => `<w:p><w:r><w:t>${s}</w:t></w:r></w:p>`;
  const cell = (s: string) => `<w:tc>${para(s)}</w:tc>`;
  const body = [
    para('夏令营报名表'),
    `<w:tbl><w:tr>${cell('姓名')}${cell('身份证号')}${cell('家长电话')}</w:tr>`,
    `<w:tr>${cell(t.personName(r))}${cell(id)}${cell(phone)}</w:tr></w:tbl>`,
  ].join('');
  site.write(
    'files/报名表.docx',
    writeDeflatedZip([
      {
        name: '[Content_Types].xml',
        data: xml(
          '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        ),
      },
      {
        name: '_rels/.rels',
        data: xml(
          '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        ),
      },
      {
        name: 'word/document.xml',
        data: xml(
          `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
        ),
      },
    ]),
  );
  site.planted.push({ detector: 'id-number', file: 'files/报名表.docx', line: null, what: id });
  site.planted.push({ detector: 'phone', file: 'files/报名表.docx', line: null, what: phone });
}

/** Articles: prose, and among them the hidden links, words, external and dead links planted. */
function articles(site: Site, count: number): string[] {
  const r = site.random;
  const files: string[] = [];
  const tricks = HIDING_TRICKS.filter((h) => h !== 'display-none' && h !== 'script-written');
  for (let i = 1; i <= count; i += 1) {
    const file = `news/2024/art-${String(i).padStart(3, '0')}.html`;
    files.push(file);
    const page = site.page(file, `${t.prose(r, 12).slice(0, 14)}`);
    page.add(
      `<p class="date">发布时间：2024-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}</p>`,
    );
    page.prose(r.int(3, 12));
    const trick = tricks[i - 1];
    if (trick)
      page.plant(
        {
          detector: 'hidden-link',
          what: trick,
          trick,
          target: `http://${GAMBLING[i % GAMBLING.length]}/`,
        },
        hiddenLink(trick, GAMBLING[i % GAMBLING.length]!),
      );
    const word = WORDS[i - 1];
    if (word)
      page.plant(
        { detector: 'word', what: word.term, category: word.category },
        `<p>提醒同学们远离${word.term}，提高辨别能力。</p>`,
      );
    if (i === 2)
      page.plant(
        { detector: 'external-link', what: 'moe', target: 'http://www.moe.gov.cn/' },
        '<p>详见<a href="http://www.moe.gov.cn/">教育部网站</a>。</p>',
      );
    if (i === 3)
      page.plant(
        {
          detector: 'dead-link',
          what: 'missing picture',
          target: 'news/2024/images/photo-missing.jpg',
        },
        '<p><img src="images/photo-missing.jpg" alt="活动照片"></p>',
      );
    if (i === 4)
      page.plant(
        { detector: 'dead-link', what: 'missing page', target: 'notices/notice-2019-05.html' },
        '<p>相关通知见<a href="../../notices/notice-2019-05.html">此前通知</a>。</p>',
      );
    if (i === 5) {
      const phone = t.mobile(r);
      site.write(`uploads/2024/${phone}.jpg`, 'JFIF');
      page.nearMiss(
        'phone',
        phone,
        `<p><img src="../../uploads/2024/${phone}.jpg" alt="活动照片"></p>`,
      );
      page.nearMiss(
        'phone',
        phone,
        `<p><a href="http://${OWN_HOST}/news/show.asp?id=${phone}">原文链接</a></p>`,
      );
    }
    page.prose(1);
    const withFooter = i !== 6 && i !== 7;
    if (!withFooter)
      site.planted.push({ detector: 'no-filing', file, line: null, what: 'no footer' });
    site.write(file, page.text(withFooter));
  }
  return files;
}

function lists(site: Site, articleFiles: string[]): void {
  const news = site.page('news/index.html', '学校新闻');
  for (const file of articleFiles)
    news.add(
      `<li><a href="${file.slice('news/'.length)}">${t.prose(site.random, 10).slice(0, 12)}</a></li>`,
    );
  news.plant(
    { detector: 'dead-link', what: 'missing article', target: 'news/2023/art-017.html' },
    '<li><a href="2023/art-017.html">2023年校运会圆满落幕</a></li>',
  );
  site.write(news.file, news.text());
  const notices = site.page('notices/index.html', '通知公告');
  for (const file of [
    'admission-2024.html',
    'grades-2024.html',
    'subsidy-2024.html',
    '../old/2012/notice.htm',
    '../files/名单.txt',
    '../files/报名表.docx',
  ])
    notices.add(`<li><a href="${file}">${file}</a></li>`);
  site.write(notices.file, notices.text());
  const home = site.page('index.html', '首页');
  home.add('<img src="images/logo.png" alt="校徽">', '<script src="js/main.js"></script>');
  for (const file of articleFiles.slice(0, 8)) home.add(`<li><a href="${file}">新闻</a></li>`);
  home.plant(
    {
      detector: 'hidden-link',
      what: 'display-none',
      trick: 'display-none',
      target: `http://${GAMBLING[0]}/`,
    },
    hiddenLink('display-none', GAMBLING[0]!),
  );
  home.plant(
    { detector: 'external-link', what: 'bureau', target: 'http://jyj.example.gov.cn/' },
    '<p>友情链接：<a href="http://jyj.example.gov.cn/">示范市教育局</a></p>',
  );
  home.plant(
    {
      detector: 'hidden-link',
      what: 'script-written',
      trick: 'script-written',
      target: `http://${GAMBLING[1]}/`,
    },
    hiddenLink('script-written', GAMBLING[1]!),
  );
  site.write(home.file, home.text());
  const about = site.page('about.html', '学校概况');
  about.prose(4);
  site.write(about.file, about.text());
}

/** Writes the site into `dir` (which must be empty or missing) and returns what was planted. */
export function generatePlantedSite(
  dir: string,
  options: { seed: string; pages: number },
): PlantedManifest {
  const site = new Site(dir, options.seed);
  const files = articles(site, Math.max(12, options.pages));
  lists(site, files);
  admissionList(site);
  gradeList(site);
  subsidyList(site);
  gbkPage(site);
  textFiles(site);
  docxFile(site);
  site.write('css/style.css', 'body { font-family: sans-serif; }\n.footer { color: #666; }\n');
  site.write('js/main.js', 'console.log("ok");\n');
  site.write('images/logo.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  return {
    planted: site.planted,
    nearMisses: site.nearMisses,
    words: WORDS.map((w) => ({ ...w })),
    wordList: `${WORDS.map((w) => `${w.term}\t${w.category}`).join('\n')}\n`,
    ownHosts: [OWN_HOST],
  };
}
