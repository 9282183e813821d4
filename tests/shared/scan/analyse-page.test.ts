import { describe, expect, it } from 'vitest';
import { analysePage } from '../../../shared/scan/analyse-page';
import { findingSchema, SCAN_LIMITS } from '../../../shared/scan/finding';
import type { AnalyseOptions, PageAnalysis, PageInput, PageKind } from '../../../shared/scan/page';
import { compileWords } from '../../../shared/scan/words/matcher';
import { parseWordList } from '../../../shared/scan/words/word-list';

/** Valid by the GB 11643-1999 check digit, born 1990-03-07 and 1985-11-15. */
const ID = '110101199003071233';
const ID2 = '440304198511150423';
const OPTIONS: AnalyseOptions = { words: null, ownHosts: ['www.school.edu.cn'], year: 2026 };
const FILED = '<footer>京ICP备12345678号 京公网安备11010802012345号</footer>';

function analyse(text: string, kind: PageKind = 'html', options = OPTIONS): PageAnalysis {
  const page: PageInput = {
    source: `page.${kind}`,
    kind,
    text,
    baseUrl: 'http://folder.invalid/site/page.html',
  };
  return analysePage(page, options);
}

const detectors = (a: PageAnalysis) => a.findings.map((f) => f.detector);

/** The text at a finding's line and column. */
function at(text: string, line: number, column: number): string {
  return (text.split(/\r\n|\n/)[line - 1] ?? '').slice(column - 1);
}

describe('analysePage on HTML: personal data in the text, not the markup', () => {
  it('finds an ID number and a phone in the text, masked, at their place in the page', () => {
    const text = `<html><body>\n<p>学生 张三，身份证号 ${ID}，\n家长电话 138 1234 5678。</p>${FILED}</body></html>`;
    const { findings } = analyse(text);
    expect(findings.map((f) => [f.detector, f.match])).toEqual([
      ['id-number', '110***********1233'],
      ['phone', '138****5678'],
    ]);
    const [id, phone] = findings;
    expect(at(text, id?.line ?? 0, id?.column ?? 0)).toMatch(new RegExp(`^${ID}`));
    expect(at(text, phone?.line ?? 0, phone?.column ?? 0)).toMatch(/^138 1234/);
    expect(id?.context).toContain('身份证号 110***********1233');
    for (const f of findings) expect(JSON.stringify(f)).not.toContain(ID);
    for (const f of findings)
      expect(findingSchema.safeParse({ ...f, id: 'x:1', state: 'open' }).success).toBe(true);
  });

  it('does not report numbers in URLs, attributes, scripts, styles or comments', () => {
    const text = `<a href="/student.html?id=${ID}" title="${ID2}">档案</a>
      <img src="/photo/13812345678.jpg" alt="${ID}"><input value="${ID}">
      <script>var id = "${ID}";</script><style>.x${ID}{}</style><!-- ${ID2} -->`;
    expect(analyse(text).findings).toEqual([]);
  });

  it('decodes entities before matching', () => {
    const encoded = [...ID].map((d) => `&#${d.charCodeAt(0)};`).join('');
    const text = `<p>身份证：${encoded}</p>\n<p>电话：&#x31;&#x33;&#x38;12345678</p>`;
    const { findings } = analyse(text);
    expect(findings.map((f) => [f.detector, f.match, f.line])).toEqual([
      ['id-number', '110***********1233', 1],
      ['phone', '138****5678', 2],
    ]);
    expect(at(text, 1, findings[0]?.column ?? 0)).toMatch(/^&#49;&#49;/);
  });

  it('reads a page decoded from GBK like any other text (full-width digits folded)', () => {
    // What the sources hand over for a GBK page: a string, here with full-width digits.
    const fullWidth = [...ID].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('');
    const text = `<html><head><meta charset="gbk"></head><body><p>身份证号码：${fullWidth}</p>${FILED}</body></html>`;
    expect(analyse(text).findings.map((f) => [f.detector, f.match])).toEqual([
      ['id-number', '110***********1233'],
    ]);
  });

  it('reads a page whose bytes were GBK, once decoded', () => {
    // 身份证号 in GBK, then the number in ASCII, decoded as the sources decode a GBK page.
    const bytes = Buffer.concat([
      Buffer.from('<p>', 'ascii'),
      Buffer.from('c9edb7ddd6a4bac5', 'hex'),
      Buffer.from(`: ${ID}</p>`, 'ascii'),
    ]);
    const text = new TextDecoder('gb18030').decode(bytes);
    expect(analyse(text).findings).toEqual([
      expect.objectContaining({ detector: 'id-number', context: '身份证号: 110***********1233' }),
    ]);
  });

  it('finds listed words in the text with their category, not in the markup', () => {
    const list = parseWordList('[赌博]\n博彩\n六合彩\tgambling\n');
    const words = compileWords(list.terms, list.categories);
    const text = `<p class="博彩">本站严禁六合彩和博彩广告</p><a href="/博彩/">x</a>`;
    const { findings } = analyse(text, 'html', { ...OPTIONS, words });
    expect(findings.map((f) => [f.detector, f.match, f.category])).toEqual([
      ['word', '六合彩', 'gambling'],
      ['word', '博彩', '赌博'],
    ]);
  });

  it('finds words written in full-width forms and capitals, reported as the page writes them', () => {
    const words = compileWords(parseWordList('[赌博]\ncasino-8\n').terms);
    const text = '第一行\n访问 ＣＡＳＩＮＯ－８ 或 Casino—8。\n';
    const { findings } = analyse(text, 'text', { ...OPTIONS, words });
    expect(findings.map((f) => [f.match, f.line, f.column, f.category])).toEqual([
      ['ＣＡＳＩＮＯ－８', 2, 4, '赌博'],
      ['Casino—8', 2, 15, '赌博'],
    ]);
  });
});

describe('analysePage on HTML: grades, links and filing', () => {
  it('finds a grade list in a table, named by its heading', () => {
    const rows = ['张三', '李四', '王五']
      .map((name, i) => `<tr><td>${name}</td><td>${90 - i}</td><td>${i + 1}</td></tr>`)
      .join('\n');
    const text = `<h2>高一期末考试成绩排名</h2>\n<table><tr><th>姓名</th><th>总分</th><th>名次</th></tr>\n${rows}</table>`;
    const [grade] = analyse(text).findings;
    expect(grade).toMatchObject({
      detector: 'grade-list',
      match: '张*',
      context: '高一期末考试成绩排名',
    });
    expect(at(text, grade?.line ?? 0, grade?.column ?? 0)).toMatch(/^姓名/);
  });

  it('reports each external target once and hands back the site own links once', () => {
    const text = `<a href="https://www.baidu.com/">百度</a><a href="https://www.baidu.com/#x">又一次</a>
      <a href="news.html">新闻</a><a href="news.html#top">新闻</a><img src="news.html">
      <a href="https://www.school.edu.cn/about.html">概况</a>`;
    const { findings, links } = analyse(text);
    expect(findings.map((f) => [f.detector, f.target, f.line])).toEqual([
      ['external-link', 'https://www.baidu.com/', 1],
    ]);
    expect(links.map((l) => [l.target, l.navigable, l.line])).toEqual([
      ['http://folder.invalid/site/news.html', true, 2],
      ['https://www.school.edu.cn/about.html', true, 3],
    ]);
  });

  it('a whole document must show both filing numbers in its footer; a fragment is not checked', () => {
    const page = (footer: string) =>
      `<!DOCTYPE html><html><body><p>正文</p><div class="footer">${footer}</div></body></html>`;
    expect(detectors(analyse(page('京ICP备12345678号-1 京公网安备 11010802012345号')))).toEqual([]);
    const both = analyse(page('版权所有 某某中学')).findings;
    expect(both.map((f) => [f.detector, f.match, f.context])).toEqual([
      ['no-filing', 'ICP备 公网安备', '版权所有 某某中学'],
    ]);
    expect(analyse(page('京ICP备12345678号')).findings.map((f) => f.match)).toEqual(['公网安备']);
    expect(analyse(page('京公网安备11010802012345号')).findings.map((f) => f.match)).toEqual([
      'ICP备',
    ]);
    expect(detectors(analyse('<p>一篇文章的片段</p>'))).toEqual([]);
    // No footer element: the end of the page's text counts as its footer.
    expect(
      detectors(
        analyse(
          `<html><body><p>正文</p><p>京ICP备1234号 京公网安备11010802012345号</p></body></html>`,
        ),
      ),
    ).toEqual([]);
  });

  it('notes a page nested too deep, and still reads it', () => {
    const depth = 100_000;
    const text = `${'<div>'.repeat(depth)}<p>电话 13812345678</p>${'</div>'.repeat(depth)}`;
    const result = analyse(text);
    expect(detectors(result)).toEqual(['phone']);
    expect(result.notes.map((n) => n.code)).toEqual(['nesting-too-deep']);
    expect(result.notes[0]?.message['zh-CN']).toContain('256');
    expect(result.notes[0]?.message['en-US']).toContain('256');
  });

  it('keeps at most the per-page cap of findings per detector', () => {
    const phones = Array.from(
      { length: 300 },
      (_, i) => `<li>手机 139${String(i).padStart(8, '0')}</li>`,
    );
    const externals = Array.from(
      { length: 300 },
      (_, i) => `<a href="http://x${i}.example/">x</a>`,
    );
    const counts = new Map<string, number>();
    for (const f of analyse(phones.join('\n') + externals.join('\n')).findings) {
      counts.set(f.detector, (counts.get(f.detector) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({
      phone: SCAN_LIMITS.findingsPerSourcePerDetector,
      'external-link': SCAN_LIMITS.findingsPerSourcePerDetector,
    });
  });
});

describe('analysePage on text documents', () => {
  it('reads plain text, DOCX and PDF text as text, with tab-separated tables', () => {
    const text = `2024年期末成绩\n姓名\t成绩\t排名\n张三\t98\t1\n李四\t97\t2\n王五\t96\t3\n联系人电话：13812345678\n`;
    for (const kind of ['text', 'docx', 'pdf'] as const) {
      const { findings } = analyse(text, kind);
      expect(findings.map((f) => [f.detector, f.line, f.column])).toEqual([
        ['phone', 6, 7],
        ['grade-list', 2, 1],
      ]);
    }
  });

  it('reads Markdown links and autolinks, but not links in plain text', () => {
    const md = `# 通知\n见[教育部](http://www.moe.gov.cn/ "教育部")与<https://bet.example/x>。\n![图](img/a.png)\n[本站](/news/)`;
    const { findings, links } = analyse(md, 'markdown');
    expect(findings.map((f) => [f.detector, f.target, f.line])).toEqual([
      ['external-link', 'http://www.moe.gov.cn/', 2],
      ['external-link', 'https://bet.example/x', 2],
    ]);
    expect(links.map((l) => [l.target, l.navigable])).toEqual([
      ['http://folder.invalid/site/img/a.png', false],
      ['http://folder.invalid/news/', true],
    ]);
    expect(analyse(md, 'text').findings).toEqual([]);
  });
});

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SOUP = [
  '<div',
  '<a href="',
  'http://x.example/',
  '"',
  '>',
  '</a>',
  '<style>',
  '.a{display:none}',
  '</style>',
  '<script>',
  'document.write("<a href=//y.example/>")',
  '</script>',
  '<!--',
  '-->',
  '&#49;',
  '&amp',
  '<table>',
  '<tr>',
  '<td>',
  '</table>',
  ' style="color:#fff;background:white"',
  ' class="a"',
  '<base href="',
  '13812345678',
  ID,
  '<body>',
  '<footer>',
  'ICP备',
  '<![CDATA[',
  '<svg/>',
  '<iframe src="',
  '<meta http-equiv=refresh content="0;url=',
  '\n',
  ' ',
];

describe('analysePage never throws', () => {
  it('on random bytes read as text, of every kind', () => {
    const next = random(13);
    for (let round = 0; round < 200; round++) {
      const length = Math.floor(next() * 2000);
      const text = String.fromCharCode(
        ...Array.from({ length }, () => Math.floor(next() * 0x10000)),
      );
      for (const kind of ['html', 'text', 'markdown', 'docx', 'pdf'] as const) {
        const result = analyse(text, kind);
        expect(result.notes.filter((n) => n.code === 'unreadable')).toEqual([]);
      }
    }
  });

  it('on random tag soup, and every finding it gives is valid', () => {
    const next = random(2026);
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 60 }, () => SOUP[Math.floor(next() * SOUP.length)]).join(
        '',
      );
      const result = analyse(text);
      expect(result.notes.filter((n) => n.code === 'unreadable')).toEqual([]);
      for (const f of result.findings) {
        expect(findingSchema.safeParse({ ...f, id: 'x:1', state: 'open' }).success).toBe(true);
      }
    }
  });
});
