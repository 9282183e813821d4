import { describe, expect, it } from 'vitest';
import {
  charsetOfContentType,
  declaredCharset,
  decodeText,
  encodingOfLabel,
  looksBinary,
} from '../../../shared/scan/charset';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};
/** 学生名单：张三 成绩 95, in GBK (made with `iconv -t gbk`). */
const GBK = Uint8Array.from([
  0xd1, 0xa7, 0xc9, 0xfa, 0xc3, 0xfb, 0xb5, 0xa5, 0xa3, 0xba, 0xd5, 0xc5, 0xc8, 0xfd, 0x20, 0xb3,
  0xc9, 0xbc, 0xa8, 0x20, 0x39, 0x35,
]);
const GBK_TEXT = '学生名单：张三 成绩 95';
/** 學生 in Big5. */
const BIG5 = Uint8Array.from([0xbe, 0xc7, 0xa5, 0xcd]);

describe('declaredCharset', () => {
  it('reads <meta charset>, the http-equiv form and an XML declaration', () => {
    expect(declaredCharset(ascii('<html><head><meta charset="GBK"><title>'))).toBe('gbk');
    expect(declaredCharset(ascii('<meta charset=utf-8 />'))).toBe('utf-8');
    expect(
      declaredCharset(
        ascii('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gb2312">'),
      ),
    ).toBe('gb2312');
    expect(declaredCharset(ascii('<?xml version="1.0" encoding="GB18030"?><html>'))).toBe(
      'gb18030',
    );
  });

  it('finds nothing without a declaration, or past the first 4,096 bytes', () => {
    expect(declaredCharset(ascii('<html><meta name="x" content="y"><p>charset=gbk</p>'))).toBe(
      null,
    );
    expect(declaredCharset(ascii(`${' '.repeat(5000)}<meta charset="gbk">`))).toBe(null);
    // Bytes past ASCII (a GBK title before the declaration) are one character each.
    const head = concat(
      ascii('<title>'),
      GBK,
      Uint8Array.from([0x80, 0xff]),
      ascii('<meta charset=gbk>'),
    );
    expect(declaredCharset(head)).toBe('gbk');
  });

  it('reads the charset of a Content-Type header', () => {
    expect(charsetOfContentType('text/html; charset=GBK')).toBe('gbk');
    expect(charsetOfContentType('text/html;charset="utf-8"')).toBe('utf-8');
    expect(charsetOfContentType('text/html')).toBe(null);
    expect(charsetOfContentType(null)).toBe(null);
  });

  it('reads every GB label as GB18030 and ignores labels no decoder knows', () => {
    for (const label of ['gb2312', 'GBK', 'x-gbk', 'gb18030'])
      expect(encodingOfLabel(label)).toBe('gb18030');
    expect(encodingOfLabel('big5')).toBe('big5');
    expect(encodingOfLabel('no-such-charset')).toBe(null);
    expect(encodingOfLabel('utf-16')).toBe(null);
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with and without its byte-order mark, without notes', () => {
    const plain = decodeText(ascii('校园网 ok'));
    expect(plain).toEqual({ text: '校园网 ok', encoding: 'utf-8', notes: [] });
    const marked = decodeText(concat(Uint8Array.from([0xef, 0xbb, 0xbf]), ascii('校园网')));
    expect(marked).toEqual({ text: '校园网', encoding: 'utf-8', notes: [] });
  });

  it('reads UTF-16 by its mark, whatever is declared', () => {
    const le = Uint8Array.from([0xff, 0xfe, 0x21, 0x6c, 0x41, 0x00]);
    expect(decodeText(le, 'gbk')).toEqual({ text: '氡A', encoding: 'utf-16le', notes: [] });
    const be = Uint8Array.from([0xfe, 0xff, 0x6c, 0x21]);
    expect(decodeText(be).text).toBe('氡');
  });

  it('reads declared GBK (and gb2312) as GB18030, without notes', () => {
    expect(decodeText(GBK, 'gbk')).toEqual({ text: GBK_TEXT, encoding: 'gb18030', notes: [] });
    expect(decodeText(GBK, 'gb2312').text).toBe(GBK_TEXT);
    expect(decodeText(BIG5, 'big5').text).toBe('學生');
  });

  it('guesses GB18030 for undeclared GBK, and says so in both languages', () => {
    const result = decodeText(GBK, null, 'old/list.html');
    expect(result.text).toBe(GBK_TEXT);
    expect(result.encoding).toBe('gb18030');
    expect(result.notes).toEqual([
      {
        source: 'old/list.html',
        code: 'encoding-guessed',
        message: {
          'zh-CN': '未声明字符集，按 GB18030 读取',
          'en-US': 'No charset declared; read as GB18030',
        },
      },
    ]);
  });

  it('falls back when the declaration is wrong: UTF-8 content declared as GBK', () => {
    const result = decodeText(ascii('学生名单'), 'gb2312');
    // Valid UTF-8 Chinese is often valid GBK too (as other characters): the declaration is
    // believed then, as a browser would.
    expect(result.encoding).toBe('gb18030');
    const odd = decodeText(ascii('名单 ✓ 𠮷'), 'gbk');
    expect(odd.text).toBe('名单 ✓ 𠮷');
    expect(odd.encoding).toBe('utf-8');
    expect(odd.notes.map((n) => n.code)).toEqual(['encoding-guessed']);
    expect(odd.notes[0]!.message['en-US']).toContain('not valid GB18030');
  });

  it('falls back when GBK content is declared UTF-8', () => {
    const result = decodeText(GBK, 'utf-8');
    expect(result.text).toBe(GBK_TEXT);
    expect(result.notes.map((n) => n.code)).toEqual(['encoding-guessed']);
  });

  it('ignores an unknown label with a note and reads the bytes by what they are', () => {
    const result = decodeText(ascii('名单'), 'x-klingon');
    expect(result.text).toBe('名单');
    expect(result.notes.map((n) => n.code)).toEqual(['encoding-guessed']);
    expect(result.notes[0]!.message['zh-CN']).toContain('x-klingon');
  });

  it('replaces invalid bytes and says so when nothing decodes them', () => {
    const bytes = concat(ascii('ok '), Uint8Array.from([0xff, 0xff, 0x80]), ascii(' 名'));
    const result = decodeText(bytes);
    expect(result.text.startsWith('ok ')).toBe(true);
    expect(result.text).toContain('\ufffd');
    expect(result.text.endsWith(' 名')).toBe(true);
    expect(result.notes.map((n) => n.code)).toEqual(['encoding-invalid']);
    expect(result.notes[0]!.message['zh-CN']).toContain('无效');
  });
});

describe('decodeText with a faster strict UTF-8 decoder', () => {
  const fatal = (bytes: Uint8Array): string | null => {
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return null;
    }
  };

  it('uses it for UTF-8 (declared, guessed or marked) and gives what it would give without it', () => {
    const seen: number[] = [];
    const utf8 = (bytes: Uint8Array): string | null => {
      seen.push(bytes.length);
      return fatal(bytes);
    };
    const marked = concat(Uint8Array.from([0xef, 0xbb, 0xbf]), ascii('校园网'));
    const cases: [Uint8Array, string | null][] = [
      [ascii('校园网 ok'), null],
      [ascii('校园网 ok'), 'utf-8'],
      [marked, null],
      [GBK, 'utf-8'],
      [GBK, null],
      [GBK, 'gbk'],
      [ascii('名单 ✓ 𠮷'), 'gbk'],
      [concat(ascii('ok '), Uint8Array.from([0xff, 0x80])), null],
    ];
    for (const [bytes, declared] of cases)
      expect(decodeText(bytes, declared, 'a.html', utf8)).toEqual(
        decodeText(bytes, declared, 'a.html'),
      );
    expect(seen.length).toBeGreaterThan(0);
  });
});

describe('looksBinary', () => {
  it('takes text, GBK and UTF-16 for text', () => {
    expect(looksBinary(ascii('<html>\r\n\t<p>学生</p>\f'))).toBe(false);
    expect(looksBinary(GBK)).toBe(false);
    expect(looksBinary(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]))).toBe(false);
    expect(looksBinary(new Uint8Array(0))).toBe(false);
  });

  it('takes NUL bytes or many control bytes for binary', () => {
    expect(looksBinary(concat(ascii('PK'), Uint8Array.from([3, 4, 0, 0])))).toBe(true);
    expect(looksBinary(Uint8Array.from({ length: 100 }, (_, i) => (i % 5 === 0 ? 1 : 65)))).toBe(
      true,
    );
  });
});
