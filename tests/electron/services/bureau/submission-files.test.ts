import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSubmissionFiles } from '../../../../electron/services/bureau/submission-files';
import { useTempDir } from '../../temp-dir';

describe('listSubmissionFiles: what a bureau gave, as files to read', () => {
  const tempDir = useTempDir();
  const put = (root: string, relative: string, content = 'x') => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  };

  it('walks a folder for .xlsx and .zip, leaving out hidden files, lock files and links', async () => {
    const dir = tempDir();
    put(dir, 'a.xlsx');
    put(dir, 'B.ZIP');
    put(dir, 'east/c.xlsx');
    put(dir, 'east/deep/d.zip');
    put(dir, 'readme.txt');
    put(dir, '.hidden.xlsx');
    put(dir, '.git/e.xlsx');
    put(dir, '~$a.xlsx');
    const outside = tempDir();
    put(outside, 'secret.xlsx');
    fs.symlinkSync(path.join(outside, 'secret.xlsx'), path.join(dir, 'link.xlsx'));
    fs.symlinkSync(outside, path.join(dir, 'linked-folder'));
    const { sources, skipped } = await listSubmissionFiles([dir]);
    expect(sources.map((s) => s.file)).toEqual([
      'B.ZIP',
      'a.xlsx',
      'east/c.xlsx',
      'east/deep/d.zip',
    ]);
    expect(sources.every((s) => path.isAbsolute(s.path) && fs.existsSync(s.path))).toBe(true);
    expect(skipped).toEqual([]);
  });

  it('takes a file given directly whatever its name, and says which paths cannot be read', async () => {
    const dir = tempDir();
    const given = put(dir, 'sent by chat.dat');
    const { sources, skipped } = await listSubmissionFiles([given, path.join(dir, 'missing.xlsx')]);
    expect(sources).toEqual([{ file: 'sent by chat.dat', path: given }]);
    expect(skipped).toEqual([
      expect.objectContaining({ file: path.join(dir, 'missing.xlsx'), status: 'read-failed' }),
    ]);
    expect(skipped[0]!.reason['zh-CN']).not.toBe('');
  });

  it('stops at a folder nested too deep, saying so', async () => {
    const dir = tempDir();
    const deep = Array.from({ length: 34 }, (_, i) => `d${i}`).join('/');
    put(dir, `${deep}/far.xlsx`);
    put(dir, 'near.xlsx');
    const { sources, skipped } = await listSubmissionFiles([dir]);
    expect(sources.map((s) => s.file)).toEqual(['near.xlsx']);
    expect(skipped).toEqual([expect.objectContaining({ status: 'not-supported' })]);
  });
});
