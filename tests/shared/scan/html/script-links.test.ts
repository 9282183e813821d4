import { describe, expect, it } from 'vitest';
import { scriptLinks } from '../../../../shared/scan/html/script-links';
import { hostOf, resolveLink } from '../../../../shared/scan/html/url';

describe('links written by inline scripts', () => {
  it('finds links in markup a script writes, and where they are', () => {
    const script = `var s = '<div><a target=_blank href="http://bet.example/a">x</a>';\ndocument.write(s);`;
    const [link] = scriptLinks(script);
    expect(link?.url).toBe('http://bet.example/a');
    expect(script.slice(link?.offset)).toMatch(/^http:\/\/bet/);
    expect(scriptLinks(`el.innerHTML = "<iframe src='//frame.example/'></iframe>"`)).toEqual([
      expect.objectContaining({ url: '//frame.example/' }),
    ]);
    expect(
      scriptLinks(`el.insertAdjacentHTML('beforeend', '<a href=\\"https://c.example/\\">')`),
    ).toEqual([expect.objectContaining({ url: 'https://c.example/' })]);
  });

  it('finds redirects to absolute addresses, and escaped markup', () => {
    expect(scriptLinks('top.location.href = "http://r.example/";').map((l) => l.url)).toEqual([
      'http://r.example/',
    ]);
    expect(scriptLinks("location.replace('https://s.example/p')").map((l) => l.url)).toEqual([
      'https://s.example/p',
    ]);
    const escaped = 'document.write(unescape("%3Ca%20href%3D%22http%3A//u.example/%22%3E"))';
    expect(scriptLinks(escaped).map((l) => l.url)).toEqual(['http://u.example/']);
    expect(
      scriptLinks('document.write("\\x3ca href=\\x22http://v.example/\\x22>")').map((l) => l.url),
    ).toEqual(['http://v.example/']);
  });

  it('ignores markup that is not written and relative redirects', () => {
    expect(scriptLinks('var tpl = "<a href=\\"http://x.example/\\">";')).toEqual([]);
    expect(scriptLinks('location.href = "/login.html"; var a = "http://y.example/";')).toEqual([]);
  });
});

describe('resolving links', () => {
  const base = 'https://www.school.edu.cn/a/b.html';
  it('resolves relative links and drops fragments', () => {
    expect(resolveLink(' ../c.html#x ', base)).toBe('https://www.school.edu.cn/c.html');
    expect(resolveLink('//cdn.example.com/x', base)).toBe('https://cdn.example.com/x');
    expect(resolveLink('HTTP://Www.Example.COM', base)).toBe('http://www.example.com/');
  });

  it('refuses other schemes, fragments alone and what does not parse', () => {
    for (const ref of [
      'javascript:alert(1)',
      'mailto:x@y.cn',
      'tel:110',
      'data:,x',
      '#top',
      '',
      'http://[',
      'ftp://x/',
    ]) {
      expect(resolveLink(ref, base)).toBeNull();
    }
    expect(resolveLink(`/${'x'.repeat(3000)}`, base)).toBeNull();
  });

  it('gives a link host with its port, and its hostname', () => {
    expect(hostOf('http://127.0.0.1:8080/x')).toEqual({
      host: '127.0.0.1:8080',
      hostname: '127.0.0.1',
    });
    expect(hostOf('not a url')).toBeNull();
  });
});
