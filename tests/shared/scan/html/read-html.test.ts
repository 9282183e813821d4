import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, readHtml } from '../../../../shared/scan/html/read-html';

const BASE = 'https://www.school.edu.cn/news/list.html';

describe('readHtml: text', () => {
  it('keeps the text outside markup, scripts and styles, blocks on lines of their own', () => {
    const page =
      '<html><head><title>通知</title><style>p{color:red}</style></head><body>' +
      '<p>第一段<b>加粗</b>文字</p><script>var secret = "13812345678";</script>' +
      '<div>第二段</div><!-- 注释 --><textarea>留言</textarea></body></html>';
    const { text } = readHtml(page, BASE);
    expect(text.split('\n').filter((l) => l !== '')).toEqual([
      '通知',
      '第一段加粗文字',
      '第二段',
      '留言',
    ]);
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('color');
    expect(text).not.toContain('注释');
  });

  it('decodes entities, and maps every text offset back into the page', () => {
    const page = '<p>编号：&#49;&#x31;0&amp;A</p>\n<p>第二行 xyz</p>';
    const reading = readHtml(page, BASE);
    expect(reading.text).toContain('编号：110&A');
    const at = (s: string) => reading.pageOffset(reading.text.indexOf(s));
    expect(page.slice(at('编号'))).toMatch(/^编号/);
    expect(page.slice(at('0&A'))).toMatch(/^0&amp;A/);
    expect(page.slice(at('&A'))).toMatch(/^&amp;/);
    expect(page.slice(at('xyz'))).toMatch(/^xyz/);
  });

  it('does not join the text of two cells or blocks into one number', () => {
    const { text } = readHtml('<table><tr><td>11010119</td><td>900307123</td></tr></table>', BASE);
    expect(text).not.toContain('11010119900307123');
  });
});

describe('readHtml: links', () => {
  it('reads every kind of link, resolved against the page, without fragments', () => {
    const page = `<a href="detail.html#top">a</a><area href="/map.html"><iframe src="//cdn.example.com/f"></iframe>
      <frame src="f.html"><img src="../img/a.png"><script src="https://www.example.org/s.js"></script>
      <link rel="stylesheet" href="/css/site.css"><embed src="m.swf"><object data="o.swf"></object>
      <meta http-equiv="Refresh" content="5; URL='https://elsewhere.example/'">`;
    const links = readHtml(page, BASE).links.map((l) => [l.tag, l.target, l.navigable]);
    expect(links).toEqual([
      ['a', 'https://www.school.edu.cn/news/detail.html', true],
      ['area', 'https://www.school.edu.cn/map.html', true],
      ['iframe', 'https://cdn.example.com/f', true],
      ['frame', 'https://www.school.edu.cn/news/f.html', true],
      ['img', 'https://www.school.edu.cn/img/a.png', false],
      ['script', 'https://www.example.org/s.js', false],
      ['link', 'https://www.school.edu.cn/css/site.css', false],
      ['embed', 'https://www.school.edu.cn/news/m.swf', false],
      ['object', 'https://www.school.edu.cn/news/o.swf', false],
      ['meta', 'https://elsewhere.example/', true],
    ]);
  });

  it('ignores javascript:, mailto:, tel:, data:, fragments and empty links', () => {
    const page = `<a href="javascript:void(0)">x</a><a href="mailto:a@b.cn">m</a><a href="tel:010-1234">t</a>
      <img src="data:image/png;base64,AAAA"><a href="#top">top</a><a href="">self</a><a>none</a>`;
    expect(readHtml(page, BASE).links).toEqual([]);
  });

  it('respects <base href> and decodes entities in attributes', () => {
    const page =
      '<head><base href="https://static.school.edu.cn/v2/"></head><a href="a.html?x=1&amp;y=2">a</a>';
    expect(readHtml(page, BASE).links.map((l) => l.target)).toEqual([
      'https://static.school.edu.cn/v2/a.html?x=1&y=2',
    ]);
  });

  it('gives the offset of each link tag in the page', () => {
    const page = '<p>x</p>\n  <a href="/y">y</a>';
    const [link] = readHtml(page, BASE).links;
    expect(page.slice(link?.offset)).toMatch(/^<a href/);
  });
});

describe('readHtml: tables, footer and document', () => {
  it('reads tables with their caption, or the text before them', () => {
    const page = `<h3>2024 学年期末成绩</h3><table><tr><th>姓名</th><th>总分</th></tr>
      <tr><td> 张三 </td><td>98</td><tr><td>李四<td>97</table>
      <table><caption>值班表</caption><tr><td>周一</td><td>王老师</td></tr></table>`;
    const { tables } = readHtml(page, BASE);
    expect(tables.map((t) => [t.caption, t.rows.map((r) => r.map((c) => c.text))])).toEqual([
      [
        '2024 学年期末成绩',
        [
          ['姓名', '总分'],
          ['张三', '98'],
          ['李四', '97'],
        ],
      ],
      ['值班表', [['周一', '王老师']]],
    ]);
    const cell = tables[0]?.rows[1]?.[0];
    expect(page.slice(cell?.offset)).toMatch(/^张三/);
  });

  it('finds the footer by element or by name, and only whole documents are documents', () => {
    const full = readHtml('<body><p>正文</p><div id="footer">京ICP备1234号</div></body>', BASE);
    expect(full.fullDocument).toBe(true);
    expect(full.footer?.text).toBe('京ICP备1234号');
    expect(readHtml('<footer><p>版权所有</p></footer>', BASE).footer?.text).toBe('版权所有');
    const fragment = readHtml('<p>一段文章</p>', BASE);
    expect(fragment.fullDocument).toBe(false);
    expect(fragment.footer).toBeNull();
  });
});

describe('readHtml: hostile pages', () => {
  it('reads a page nested 100,000 deep, noting it, and still finds its link', () => {
    const depth = 100_000;
    const page =
      '<div>'.repeat(depth) + '<a href="http://x.example/">x</a>' + '</div>'.repeat(depth);
    const reading = readHtml(page, BASE);
    expect(reading.tooDeep).toBe(true);
    expect(reading.links.map((l) => l.target)).toEqual(['http://x.example/']);
    expect(reading.text).toBe('x');
  });

  it('past the depth cap, elements inherit their parent state (a hidden parent hides them)', () => {
    const deep = '<span>'.repeat(MAX_DEPTH + 10);
    const page = `<div style="display:none">${deep}<a href="http://x.example/">x</a></div>`;
    expect(readHtml(page, BASE).links[0]?.trick).toBe('display-none');
  });

  it('past the depth cap, an element is still judged by its own style (no hiding by nesting)', () => {
    const deep = '<div>'.repeat(300);
    const link = '<a href="http://bet.example/">x</a>';
    const own = readHtml(`${deep}<a style="display:none" href="http://bet.example/">x</a>`, BASE);
    expect(own.tooDeep).toBe(true);
    expect(own.links[0]?.trick).toBe('display-none');
    const parent = readHtml(`${deep}<div style="display:none">${link}</div>`, BASE);
    expect(parent.links[0]?.trick).toBe('display-none');
    const hiddenClass = readHtml(
      `<style>.h{visibility:hidden}</style>${deep}<p class="h">${link}`,
      BASE,
    );
    expect(hiddenClass.links[0]?.trick).toBe('visibility-hidden');
    // A rule naming an ancestor that is itself past the cap.
    const styled = `<style>.ft a{color:#fff}</style><body style="background:#fff">${deep}`;
    const byAncestor = readHtml(`${styled}<div class="ft"><span>${link}</span></div>`, BASE);
    expect(byAncestor.links[0]?.trick).toBe('same-colour');
    // Closing deep elements gives back the state outside them.
    const after = readHtml(
      `${deep}<div style="display:none">${deep}</div>${'</div>'.repeat(300)}${link}`,
      BASE,
    );
    expect(after.links[0]?.trick).toBeNull();
  });

  // No time is asserted (measured by hand: about as long as a flat page of the same size); the
  // timeout is only there so a slow machine does not fail it.
  it(
    'keeps nested elements past the cap in bounded memory (a 32 MB page of <div>)',
    { timeout: 60_000 },
    () => {
      const page =
        '<div>'.repeat((32 * 1024 * 1024) / 5) +
        '<a style="font-size:0" href="http://x.example/">x</a>';
      const reading = readHtml(page, BASE);
      expect(reading.tooDeep).toBe(true);
      expect(reading.tooManyStyles).toBe(false);
      expect(reading.links.map((l) => l.trick)).toEqual(['font-size-zero']);
    },
  );

  it('a page changing style at every level past the cap still ends, its deepest noted', () => {
    const level = '<i style="visibility:hidden"><i style="visibility:visible">';
    const reading = readHtml(`${level.repeat(40_000)}<a href="http://x.example/">x</a>`, BASE);
    expect(reading.tooManyStyles).toBe(true);
    expect(reading.links).toHaveLength(1);
  });

  it('reads unclosed and stray tags without losing its place', () => {
    const page = '<div>'.repeat(50_000) + '</span>'.repeat(50_000) + '<p>end';
    const reading = readHtml(page, BASE);
    expect(reading.text).toBe('end');
  });

  it('reads a 5 MB page', () => {
    const row = '<tr><td>张三</td><td>98</td><td><a href="/p/1.html">详情</a></td></tr>\n';
    const page = `<html><body><table>${row.repeat(Math.ceil(5e6 / row.length))}</table></body></html>`;
    const reading = readHtml(page, BASE);
    expect(page.length).toBeGreaterThan(5e6);
    expect(reading.tables[0]?.rows.length).toBe(5_000);
    expect(reading.links.length).toBe(20_000);
  });
});
