import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFolder } from '../../../../../electron/services/scan/sources/folder-walk';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglang-walk-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const write = (relative: string, content: string | Uint8Array = 'x'): void => {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
};

describe('listFolder', () => {
  it('lists every file with its relative path, size and kind, Chinese names as they are', async () => {
    write('index.html', '<p>hi</p>');
    write('新闻/2024/学生名单.HTM');
    write('docs/规章.docx');
    write('docs/成绩.pdf');
    write('notes/readme.md');
    write('notes/list.csv');
    write('img/logo.png');
    write('page.aspx');
    const { files, notes, complete } = await listFolder(root);
    expect(notes).toEqual([]);
    expect(complete).toBe(true);
    const byPath = Object.fromEntries(files.map((f) => [f.relative, f.kind]));
    expect(byPath).toEqual({
      'index.html': 'html',
      '新闻/2024/学生名单.HTM': 'html',
      'docs/规章.docx': 'docx',
      'docs/成绩.pdf': 'pdf',
      'notes/readme.md': 'markdown',
      'notes/list.csv': 'text',
      'img/logo.png': null,
      'page.aspx': 'html',
    });
    const index = files.find((f) => f.relative === 'index.html')!;
    expect(index.size).toBe(9);
    expect(index.absolute).toBe(path.join(root, 'index.html'));
  });

  it('skips dot-folders such as .git and .svn', async () => {
    write('.git/objects/ab/cdef', 'blob');
    write('.svn/entries');
    write('site/.hidden/page.html');
    write('site/ok.html');
    const { files } = await listFolder(root);
    expect(files.map((f) => f.relative)).toEqual(['site/ok.html']);
  });

  it('never follows a symbolic link: a loop costs one note', async () => {
    write('a/page.html');
    fs.symlinkSync(root, path.join(root, 'a', 'loop'));
    fs.symlinkSync(path.join(root, 'a', 'page.html'), path.join(root, 'alias.html'));
    const { files, notes } = await listFolder(root);
    expect(files.map((f) => f.relative)).toEqual(['a/page.html']);
    expect(notes.map((n) => [n.source, n.code])).toEqual([
      ['alias.html', 'symlink'],
      ['a/loop', 'symlink'],
    ]);
    expect(notes[1]!.message['zh-CN']).toContain('符号链接');
  });

  it('stops at the depth cap with a note: a 200-deep tree', async () => {
    const deep = Array.from({ length: 200 }, (_, i) => `d${i}`).join('/');
    write(`${deep}/bottom.html`);
    write('d0/d1/top.html');
    const { files, notes } = await listFolder(root, { limits: { maxDepth: 40, maxEntries: 1000 } });
    expect(files.map((f) => f.relative)).toEqual(['d0/d1/top.html']);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.code).toBe('too-deep');
    expect(notes[0]!.source.split('/')).toHaveLength(41);
  });

  it('stops at the entry cap with a note and says the listing is incomplete', async () => {
    for (let i = 0; i < 30; i++) write(`p${String(i).padStart(2, '0')}.html`);
    const { files, notes, complete } = await listFolder(root, {
      limits: { maxDepth: 40, maxEntries: 10 },
    });
    expect(files).toHaveLength(10);
    expect(complete).toBe(false);
    expect(notes.map((n) => n.code)).toEqual(['too-many-files']);
  });

  it('lists a sparse 2 GB file by its size without reading it', async () => {
    write('huge.html', '');
    fs.truncateSync(path.join(root, 'huge.html'), 2 * 1024 ** 3);
    const { files } = await listFolder(root);
    expect(files).toEqual([
      {
        relative: 'huge.html',
        absolute: path.join(root, 'huge.html'),
        size: 2 * 1024 ** 3,
        kind: 'html',
      },
    ]);
  });

  it('stops when the signal aborts', async () => {
    write('a.html');
    const controller = new AbortController();
    controller.abort();
    await expect(listFolder(root, { signal: controller.signal })).rejects.toThrow();
  });

  it('notes a folder it cannot read (a missing root here: tests run as root, which ignores permissions)', async () => {
    const { files, notes } = await listFolder(path.join(root, 'gone'));
    expect(files).toEqual([]);
    expect(notes.map((n) => n.code)).toEqual(['unreadable']);
  });
});
