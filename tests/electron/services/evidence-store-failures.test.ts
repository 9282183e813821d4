import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { filesIn, refusal } from './evidence-fixtures';
import { openEvidenceStore } from '../../../electron/services/evidence/evidence-store';
import type { Logger } from '../../../electron/services/logger';
import { silentLogger } from '../../../electron/services/logger';
import { useTempDir } from '../temp-dir';

// What evidence-store.test.ts leaves out: the store's answers when the disk, the rename or the
// folder fail, what it refuses to touch, and what it writes to the log.

const NOW = new Date('2026-11-29T08:30:00.000Z');
const PDF = Buffer.from(`%PDF-1.7\n${'x'.repeat(1000)}`);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const HASH = sha(PDF);
const REL = path.join(HASH.slice(0, 2), HASH);

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

type Line = [level: string, event: string, fields?: unknown];

/** A logger that keeps what it is told, without the error objects (their text varies). */
function recorder(): Logger & { lines: Line[] } {
  const lines: Line[] = [];
  const keep = (line: Line) => lines.push(line[2] === undefined ? [line[0], line[1]] : line);
  return {
    file: '',
    lines,
    info: (event, fields) => keep(['info', event, fields]),
    warn: (event, fields) => keep(['warn', event, fields]),
    error: (event, _error, fields) => keep(['error', event, fields]),
  };
}

/** A stream of `count` 64-byte chunks that counts how many were taken from it. */
function counted(count: number): { stream: Readable; taken: () => number } {
  let taken = 0;
  const stream = new Readable({
    read() {
      if (taken === count) return this.push(null);
      taken += 1;
      this.push(Buffer.alloc(64, 0x61));
    },
  });
  return { stream, taken: () => taken };
}

describe('the evidence store, when something fails', () => {
  const tempDir = useTempDir();
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const open = (dataDir: string, log: Logger = silentLogger, maxBytes?: number) =>
    openEvidenceStore({ dataDir, log, maxBytes, now: () => NOW });
  const pdf = () => Readable.from([PDF]);

  it('keeps a file it already holds whole: the same bytes again are recognised, not rewritten', async () => {
    const dataDir = tempDir();
    const log = recorder();
    const store = open(dataDir, log);
    await store.addStream(pdf(), 'a.pdf', '');
    const stored = path.join(dataDir, 'evidence', REL);
    const inode = fs.statSync(stored).ino;
    await store.addStream(pdf(), 'b.pdf', '');
    expect(fs.statSync(stored).ino).toBe(inode);
    const fields = { size: PDF.length, type: 'application/pdf' };
    expect(log.lines).toEqual([
      ['info', 'evidence.stored', { ...fields, deduplicated: false }],
      ['info', 'evidence.stored', { ...fields, deduplicated: true }],
    ]);
  });

  it('uses the copy another save stored first when the rename is refused (Windows)', async () => {
    const dataDir = tempDir();
    vi.spyOn(fs.promises, 'rename').mockImplementationOnce(async (from, to) => {
      await fs.promises.copyFile(from, to);
      throw errno('EPERM');
    });
    const ref = await open(dataDir).addStream(pdf(), 'a.pdf', '');
    expect(ref.sha256).toBe(HASH);
    expect(filesIn(dataDir)).toEqual([REL]);
    expect(fs.readFileSync(path.join(dataDir, 'evidence', REL))).toEqual(PDF);
  });

  it('says storage-failed, leaving nothing behind, when the rename fails with no whole copy there', async () => {
    const dataDir = tempDir();
    const log = recorder();
    vi.spyOn(fs.promises, 'rename').mockRejectedValueOnce(errno('EPERM'));
    expect(await refusal(open(dataDir, log).addStream(pdf(), 'a.pdf', ''))).toBe('storage-failed');
    expect(filesIn(dataDir)).toEqual([]);
    expect(log.lines).toEqual([['error', 'evidence.store-failed']]);
  });

  it.each(['write', 'sync'] as const)(
    'says storage-failed, not unreadable, when the disk fills up (%s), and keeps no part of it',
    async (step) => {
      const dataDir = tempDir();
      const log = recorder();
      const openFile = fs.promises.open;
      vi.spyOn(fs.promises, 'open').mockImplementationOnce(async (...args) => {
        const handle = await openFile(...args);
        vi.spyOn(handle, step).mockRejectedValue(errno('ENOSPC'));
        return handle;
      });
      expect(await refusal(open(dataDir, log).addStream(pdf(), 'a.pdf', ''))).toBe(
        'storage-failed',
      );
      expect(filesIn(dataDir)).toEqual([]);
      expect(log.lines).toEqual([['error', 'evidence.write-failed']]);
    },
  );

  it('closes the temp file it writes, stored or refused (Windows cannot rename an open file)', async () => {
    const dataDir = tempDir();
    const handles: fs.promises.FileHandle[] = [];
    const openFile = fs.promises.open;
    vi.spyOn(fs.promises, 'open').mockImplementation(async (...args) => {
      const handle = await openFile(...args);
      handles.push(handle);
      return handle;
    });
    const store = open(dataDir, silentLogger, 100);
    await store.addStream(Readable.from([Buffer.from('small')]), 'ok.txt', '');
    await store.addStream(counted(10).stream, 'big.bin', '').catch(() => undefined);
    expect(handles.map((h) => h.fd)).toEqual([-1, -1]);
  });

  it('reads nothing from a file or an upload when its folder cannot be written', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'evidence'), 'a file where the folder should be');
    const { stream, taken } = counted(10);
    expect(await refusal(open(dataDir).addStream(stream, 'x.bin', ''))).toBe('storage-failed');
    expect(taken()).toBe(0);
    expect(stream.destroyed).toBe(true);
  });

  it('counts and stores text chunks as their UTF-8 bytes', async () => {
    const store = open(tempDir());
    const bytes = Buffer.from('网络安全 ok');
    const ref = await store.addStream(Readable.from(['网络', '安全 ok']), 'notes.txt', '');
    expect(ref).toMatchObject({ sha256: sha(bytes), size: bytes.length });
    expect((await store.read(ref.sha256)).bytes).toEqual(bytes);
  });

  it('never reads, nor says it holds, a file outside its folder, whatever the hash', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'secret.txt'), 'secret');
    // evidence/<first two>/<hash>: a hash starting with '..' climbs out of the data folder.
    const hostile = `../${path.basename(dataDir)}/secret.txt`;
    expect(fs.existsSync(path.join(dataDir, 'evidence', hostile.slice(0, 2), hostile))).toBe(true);
    const store = open(dataDir);
    expect(await refusal(store.read(hostile))).toBe('evidence-not-found');
    expect(store.has(hostile)).toBe(false);
  });

  it('does not hold a well-formed hash it has no file for, nor one whose place is a folder', () => {
    const dataDir = tempDir();
    const store = open(dataDir);
    expect(store.has('c'.repeat(64))).toBe(false);
    fs.mkdirSync(path.join(dataDir, 'evidence', 'dd', 'd'.repeat(64)), { recursive: true });
    expect(store.has('d'.repeat(64))).toBe(false);
  });

  it('reads a folder, or a file where a folder should be, as not found; a failing disk as its error', async () => {
    const dataDir = tempDir();
    const store = open(dataDir);
    fs.mkdirSync(path.join(dataDir, 'evidence', 'aa', 'a'.repeat(64)), { recursive: true });
    expect(await refusal(store.read('a'.repeat(64)))).toBe('evidence-not-found');
    fs.writeFileSync(path.join(dataDir, 'evidence', 'bb'), 'not a folder');
    expect(await refusal(store.read('b'.repeat(64)))).toBe('evidence-not-found');
    vi.spyOn(fs.promises, 'readFile').mockRejectedValueOnce(errno('EIO'));
    await expect(store.read('e'.repeat(64))).rejects.toMatchObject({ code: 'EIO' });
  });

  it('clears only its own temp files, and only those left more than an hour ago', () => {
    const dataDir = tempDir();
    const root = path.join(dataDir, 'evidence');
    fs.mkdirSync(root);
    const uuid = 'b7c7e3a-8f7e-4a53-9d43-2f1d6b1f4e21';
    const files = {
      old: `.0${uuid}.tmp`,
      hour: `.1${uuid}.tmp`,
      young: `.2${uuid}.tmp`,
      other: 'x.tmp',
      prefixed: `x.3${uuid}.tmp`,
      suffixed: `.4${uuid}.tmp.keep`,
    };
    const age = { old: 61, hour: 60, young: 30, other: 120, prefixed: 120, suffixed: 120 };
    for (const [key, name] of Object.entries(files)) {
      const file = path.join(root, name);
      fs.writeFileSync(file, 'x');
      const at = new Date(NOW.getTime() - age[key as keyof typeof age] * 60 * 1000);
      fs.utimesSync(file, at, at);
    }
    open(dataDir);
    const left = Object.entries(files).filter(([, name]) => fs.existsSync(path.join(root, name)));
    expect(left.map(([key]) => key)).toEqual(['hour', 'young', 'other', 'prefixed', 'suffixed']);
  });

  it('leaves folders alone, even old ones named like its temp files', () => {
    const dataDir = tempDir();
    const log = recorder();
    const folders = ['ab', '.0b7c7e3a-8f7e-4a53-9d43-2f1d6b1f4e21.tmp'].map((name) =>
      path.join(dataDir, 'evidence', name),
    );
    const longAgo = new Date(NOW.getTime() - 2 * 60 * 60 * 1000);
    for (const folder of folders) {
      fs.mkdirSync(folder, { recursive: true });
      fs.utimesSync(folder, longAgo, longAgo);
    }
    open(dataDir, log);
    expect(folders.map((folder) => fs.existsSync(folder))).toEqual([true, true]);
    expect(log.lines).toEqual([]);
  });

  it('logs each refusal and failure with its event and code, and never a name', async () => {
    const dataDir = tempDir();
    const log = recorder();
    const store = open(dataDir, log, 10);
    const dir = tempDir();
    const file = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    await store.addFile(path.join(dir, 'missing.pdf')).catch(() => undefined);
    await store.addFile(dir).catch(() => undefined);
    await store.addFile(file('big.pdf', 'x'.repeat(11))).catch(() => undefined);
    await store.addStream(counted(10).stream, 'big.bin', '').catch(() => undefined);
    const failing = new Readable({
      read() {
        this.destroy(new Error('connection reset'));
      },
    });
    await store.addStream(failing, 'cut.pdf', '').catch(() => undefined);
    await store.read('f'.repeat(64)).catch(() => undefined);
    const broken = tempDir();
    fs.writeFileSync(path.join(broken, 'evidence'), 'a file where the folder should be');
    const brokenStore = open(broken, log);
    await brokenStore.addStream(counted(1).stream, 'x.bin', '').catch(() => undefined);
    expect(log.lines).toEqual([
      ['warn', 'evidence.unreadable', { code: 'ENOENT' }],
      ['warn', 'evidence.unreadable', { code: 'not-a-file' }],
      ['warn', 'evidence.refused', { code: 'evidence-too-large', size: 11 }],
      ['warn', 'evidence.refused', { code: 'evidence-too-large' }],
      ['warn', 'evidence.unreadable', { code: 'error' }],
      ['warn', 'evidence.not-found'],
      ['warn', 'evidence.cleanup-failed', { code: 'ENOTDIR' }],
      ['error', 'evidence.store-failed'],
    ]);
  });
});
