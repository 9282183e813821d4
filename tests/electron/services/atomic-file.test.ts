import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { TEMP_SUFFIX, writeFileAtomic } from '../../../electron/services/atomic-file';
import { useTempDir } from '../temp-dir';

describe('writing a file atomically', () => {
  const tempDir = useTempDir();

  it('writes exactly the text given, replacing what was there, and leaves no temp file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.json');
    fs.writeFileSync(file, '{"old":true,"trashedAt":"x"}');
    writeFileAtomic(file, '{"new":"清朗"}');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"new":"清朗"}');
    expect(fs.readdirSync(dir)).toEqual(['a.json']);
  });

  it('writes bytes exactly as given (a workbook, a zip)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.xlsx');
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0xe6, 0xb8]);
    writeFileAtomic(file, bytes);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['a.xlsx']);
  });

  it('keeps the old file whole and removes its temp file when the write fails', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.json');
    fs.writeFileSync(file, 'old');
    const rename = vi.spyOn(fs, 'renameSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    });
    expect(() => writeFileAtomic(file, 'new')).toThrow('disk full');
    rename.mockRestore();
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['a.json']);
  });

  it('names its temp files so that start-up cleaning can recognise them', () => {
    expect(TEMP_SUFFIX.test('a.json.tmp-0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(TEMP_SUFFIX.test('a.json')).toBe(false);
  });
});
