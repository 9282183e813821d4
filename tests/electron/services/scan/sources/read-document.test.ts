import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kindOfName } from '../../../../../electron/services/scan/sources/folder-walk';
import type { FolderFile } from '../../../../../electron/services/scan/sources/folder-walk';
import { readDocument } from '../../../../../electron/services/scan/sources/read-document';
import { writeDeflatedZip } from '../../../../../electron/services/zip/zip-writer';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglang-read-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const FIXTURES = path.resolve(import.meta.dirname, '../../../../fixtures/scan');

function file(relative: string, content: string | Uint8Array): FolderFile {
  const absolute = path.join(root, relative);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  fs.writeFileSync(absolute, content);
  return { relative, absolute, size: fs.statSync(absolute).size, kind: kindOfName(relative) };
}

/** 学生名单 in GBK. */
const GBK_LIST = Buffer.from('d1a7c9fac3fbb5a5', 'hex');

describe('readDocument: text and HTML', () => {
  it('reads UTF-8 HTML with its folder URL as the base for links', async () => {
    const read = await readDocument(file('新闻/通知 1.html', '<p>校园网</p>'));
    expect(read.notes).toEqual([]);
    expect(read.bytes).toBe(Buffer.byteLength('<p>校园网</p>'));
    expect(read.page).toEqual({
      source: '新闻/通知 1.html',
      kind: 'html',
      text: '<p>校园网</p>',
      baseUrl: 'http://folder.invalid/%E6%96%B0%E9%97%BB/%E9%80%9A%E7%9F%A5%201.html',
    });
  });

  it('decodes a GBK page by its own declaration, without a note', async () => {
    const html = Buffer.concat([
      Buffer.from(
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>',
      ),
      GBK_LIST,
      Buffer.from('</body></html>'),
    ]);
    const read = await readDocument(file('old.htm', html));
    expect(read.notes).toEqual([]);
    expect(read.page!.text).toContain('<body>学生名单</body>');
  });

  it('guesses GB18030 for an undeclared GBK text file, with a note', async () => {
    const read = await readDocument(file('list.txt', GBK_LIST));
    expect(read.page!.text).toBe('学生名单');
    expect(read.notes.map((n) => [n.source, n.code])).toEqual([['list.txt', 'encoding-guessed']]);
  });

  it('skips binary content behind a text name, with a note', async () => {
    const read = await readDocument(
      file('image.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])),
    );
    expect(read.page).toBeNull();
    expect(read.notes.map((n) => n.code)).toEqual(['binary']);
  });

  it('never reads a sparse 2 GB file: one stat and a note', async () => {
    const huge = file('huge.html', '');
    fs.truncateSync(huge.absolute, 2 * 1024 ** 3);
    const read = await readDocument({ ...huge, size: 2 * 1024 ** 3 });
    expect(read).toMatchObject({ page: null, bytes: 0 });
    expect(read.notes.map((n) => n.code)).toEqual(['too-large']);
    expect(read.notes[0]!.message['en-US']).toContain('2048.0 MB');
  });

  it('notes a file that went away, and reads nothing for a file of no kind', async () => {
    const gone = file('gone.txt', 'x');
    fs.rmSync(gone.absolute);
    expect((await readDocument(gone)).notes.map((n) => n.code)).toEqual(['unreadable']);
    expect(await readDocument(file('logo.png', 'x'))).toEqual({ page: null, bytes: 0, notes: [] });
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (body: string, extra: Record<string, string> = {}): Uint8Array =>
  writeDeflatedZip(
    Object.entries({
      'word/document.xml': `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
      ...extra,
    }).map(([name, xml]) => ({ name, data: Buffer.from(xml) })),
  );
const p = (...runs: string[]): string =>
  `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${runs.map((r) => `<w:r><w:t xml:space="preserve">${r}</w:t></w:r>`).join('')}</w:p>`;
const row = (...cells: string[]): string =>
  `<w:tr>${cells.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`;

describe('readDocument: DOCX', () => {
  it('gives one line per paragraph and a table row as tab-separated cells, then headers and footers', async () => {
    const body = [
      p('期末', '成绩公示'),
      `<w:tbl>${row('姓名', '成绩', '排名')}${row('张三', '95', '1')}</w:tbl>`,
      '<w:p><w:r><w:t>A &amp; B</w:t><w:tab/><w:t>&#x6D4B;</w:t></w:r><w:r><w:delText>删掉的</w:delText></w:r></w:p>',
    ].join('');
    const footer = `<w:ftr ${W}>${p('京ICP备12345678号')}</w:ftr>`;
    const read = await readDocument(
      file(
        'docs/成绩.docx',
        docx(body, { 'word/footer1.xml': footer, 'word/media/image1.png': 'PNG' }),
      ),
    );
    expect(read.notes).toEqual([]);
    expect(read.page!.kind).toBe('docx');
    expect(read.page!.text).toBe(
      '期末成绩公示\n姓名\t成绩\t排名\n张三\t95\t1\nA & B\t测\n京ICP备12345678号',
    );
  });

  it('refuses a zip bomb and a damaged file with a note', async () => {
    const bomb = docx(p('x'), {
      'word/header1.xml': `<w:hdr ${W}>${'<w:p/>'.repeat(11_500_000)}</w:hdr>`,
    });
    const read = await readDocument(file('bomb.docx', bomb));
    expect(read.page).toBeNull();
    expect(read.notes.map((n) => n.code)).toEqual(['docx-unreadable']);
    const broken = await readDocument(file('broken.docx', 'PK not really'));
    expect(broken.notes.map((n) => n.code)).toEqual(['docx-unreadable']);
    const noBody = await readDocument(
      file('empty.docx', writeDeflatedZip([{ name: 'a.txt', data: Buffer.from('a') }])),
    );
    expect(noBody.notes.map((n) => n.code)).toEqual(['docx-unreadable']);
  });
});

describe('readDocument: PDF', () => {
  it.each([
    ['grades-libreoffice.pdf', 'LibreOffice (TrueType subsets with ToUnicode)'],
    ['grades-chromium.pdf', 'Chromium (CID fonts with ToUnicode)'],
  ])('reads the Chinese text and table rows of %s: %s', async (name) => {
    const read = await readDocument(file(name, fs.readFileSync(path.join(FIXTURES, name))));
    expect(read.notes).toEqual([]);
    expect(read.page!.kind).toBe('pdf');
    expect(read.page!.text.split('\n')).toEqual(
      expect.arrayContaining(['姓名\t成绩\t名次', '张三\t95\t1', '李四\t90\t2']),
    );
    expect(read.page!.text).toContain('13800138000');
  });

  it('notes a file that is not a PDF', async () => {
    const read = await readDocument(file('fake.pdf', 'hello'));
    expect(read.page).toBeNull();
    expect(read.notes.map((n) => n.code)).toEqual(['pdf-no-text']);
  });
});
