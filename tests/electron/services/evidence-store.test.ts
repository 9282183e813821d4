import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { filesIn, refusal } from './evidence-fixtures';
import { openEvidenceStore } from '../../../electron/services/evidence/evidence-store';
import { sniffType } from '../../../shared/inspection/evidence-files';
import { silentLogger } from '../../../electron/services/logger';
import type { Logger } from '../../../electron/services/logger';
import { PREVIEW_TYPES, canPreview } from '../../../shared/inspection/evidence';
import { evidenceRefSchema } from '../../../shared/inspection/schema';
import { useTempDir } from '../temp-dir';

const NOW = new Date('2026-11-29T08:30:00.000Z');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72]);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A stream of `count` chunks that records how many bytes were taken from it. */
function chunks(count: number, size: number): { stream: Readable; read: () => number } {
  let read = 0;
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent === count) return this.push(null);
      sent += 1;
      read += size;
      this.push(Buffer.alloc(size, 0x61));
    },
  });
  return { stream, read: () => read };
}

describe('the evidence store', () => {
  const tempDir = useTempDir();
  const open = (dataDir: string, maxBytes?: number, log: Logger = silentLogger) =>
    openEvidenceStore({ dataDir, log, maxBytes, now: () => NOW });
  const write = (dir: string, name: string, bytes: Buffer | string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };

  it('copies a file under its SHA-256 with its name, size, type and time', async () => {
    const dataDir = tempDir();
    const source = write(tempDir(), '防火墙策略.pdf', '%PDF-1.7\nhello');
    const ref = await open(dataDir).addFile(source);
    const bytes = fs.readFileSync(source);
    expect(ref).toEqual({
      sha256: sha(bytes),
      name: '防火墙策略.pdf',
      size: bytes.length,
      type: 'application/pdf',
      addedAt: '2026-11-29T08:30:00.000Z',
    });
    expect(evidenceRefSchema.safeParse(ref).success).toBe(true);
    expect(filesIn(dataDir)).toEqual([path.join(ref.sha256.slice(0, 2), ref.sha256)]);
    expect(fs.readFileSync(path.join(dataDir, 'evidence', filesIn(dataDir)[0]!))).toEqual(bytes);
  });

  it('stores identical files once, whatever they are called and however they arrive', async () => {
    const dataDir = tempDir();
    const store = open(dataDir);
    const dir = tempDir();
    const a = await store.addFile(write(dir, 'a.txt', 'same bytes'));
    const b = await store.addFile(write(dir, 'b.txt', 'same bytes'));
    const c = await store.addStream(Readable.from([Buffer.from('same bytes')]), 'c.txt', '');
    expect(new Set([a.sha256, b.sha256, c.sha256]).size).toBe(1);
    expect([a.name, b.name, c.name]).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(filesIn(dataDir)).toHaveLength(1);
    expect(store.has(a.sha256)).toBe(true);
  });

  it('stores the same bytes added at the same time once, with no temp file left', async () => {
    const dataDir = tempDir();
    const store = open(dataDir);
    const refs = await Promise.all(
      Array.from({ length: 5 }, () =>
        store.addStream(Readable.from([Buffer.from('race')]), 'r.txt', ''),
      ),
    );
    expect(new Set(refs.map((r) => r.sha256)).size).toBe(1);
    expect(filesIn(dataDir)).toHaveLength(1);
  });

  it.each([
    ['empty', 0],
    ['cut short', 100],
  ])(
    'replaces a stored copy left %s by a power cut with a whole copy of the same bytes',
    async (_label, kept) => {
      const dataDir = tempDir();
      const bytes = Buffer.from(`%PDF-1.7\n${'x'.repeat(1000)}`);
      const hash = sha(bytes);
      const stored = path.join(dataDir, 'evidence', hash.slice(0, 2), hash);
      fs.mkdirSync(path.dirname(stored), { recursive: true });
      fs.writeFileSync(stored, bytes.subarray(0, kept));
      const store = open(dataDir);
      const ref = await store.addStream(Readable.from([bytes]), 'scan.pdf', '');
      expect(ref).toMatchObject({ sha256: hash, size: bytes.length, type: 'application/pdf' });
      expect(filesIn(dataDir)).toEqual([path.join(hash.slice(0, 2), hash)]);
      await expect(store.read(hash)).resolves.toEqual({ type: 'application/pdf', bytes });
    },
  );

  it('reads a stored file back with the type its bytes show', async () => {
    const store = open(tempDir());
    const ref = await store.addStream(Readable.from([PNG]), 'photo.txt', 'text/plain');
    await expect(store.read(ref.sha256)).resolves.toEqual({ type: 'image/png', bytes: PNG });
  });

  it('answers a missing or malformed hash with evidence-not-found, touching no path', async () => {
    const dataDir = tempDir();
    const store = open(dataDir);
    expect(await refusal(store.read('a'.repeat(64)))).toBe('evidence-not-found');
    const outside = write(dataDir, 'secret.txt', 'secret');
    for (const hostile of ['../secret.txt', `..${path.sep}..${path.sep}secret.txt`, outside, '']) {
      expect(await refusal(store.read(hostile))).toBe('evidence-not-found');
      expect(store.has(hostile)).toBe(false);
    }
    expect(store.has('A'.repeat(64))).toBe(false);
  });

  describe('the size limit', () => {
    it('refuses a file over the limit without reading it', async () => {
      const dataDir = tempDir();
      const source = write(tempDir(), 'big.zip', Buffer.alloc(101));
      const opened = vi.spyOn(fs, 'createReadStream');
      expect(await refusal(open(dataDir, 100).addFile(source))).toBe('evidence-too-large');
      expect(opened).not.toHaveBeenCalled();
      opened.mockRestore();
      expect(filesIn(dataDir)).toEqual([]);
    });

    it('accepts a file of exactly the limit', async () => {
      const ref = await open(tempDir(), 100).addFile(write(tempDir(), 'ok.bin', Buffer.alloc(100)));
      expect(ref.size).toBe(100);
    });

    it('stops reading a stream at the limit and leaves no temp file behind', async () => {
      const dataDir = tempDir();
      const { stream, read } = chunks(10_000, 64);
      expect(await refusal(open(dataDir, 1000).addStream(stream, 'endless.bin', ''))).toBe(
        'evidence-too-large',
      );
      // What the stream buffers ahead (its highWaterMark), not the 640 KB it could give.
      expect(read()).toBeLessThan(64 * 1024);
      expect(stream.destroyed).toBe(true);
      expect(filesIn(dataDir)).toEqual([]);
    });

    it('keeps counting when a file grows after it was measured', async () => {
      const dataDir = tempDir();
      const source = write(tempDir(), 'growing.log', Buffer.alloc(50));
      const stat = fs.promises.stat;
      const spy = vi.spyOn(fs.promises, 'stat').mockImplementationOnce(async (file) => {
        const measured = await stat(file);
        fs.appendFileSync(source, Buffer.alloc(200));
        return measured;
      });
      expect(await refusal(open(dataDir, 100).addFile(source))).toBe('evidence-too-large');
      spy.mockRestore();
      expect(filesIn(dataDir)).toEqual([]);
    });
  });

  describe('files it cannot read', () => {
    it('refuses a folder, a missing path and a stream that fails midway, storing nothing', async () => {
      const dataDir = tempDir();
      const store = open(dataDir);
      const dir = tempDir();
      expect(await refusal(store.addFile(dir))).toBe('evidence-unreadable');
      expect(await refusal(store.addFile(path.join(dir, 'missing.pdf')))).toBe(
        'evidence-unreadable',
      );
      const failing = new Readable({
        read() {
          this.push(Buffer.from('half'));
          this.destroy(new Error('ECONNRESET'));
        },
      });
      expect(await refusal(store.addStream(failing, 'cut.pdf', ''))).toBe('evidence-unreadable');
      expect(filesIn(dataDir)).toEqual([]);
    });

    // Simulated: the tests run as root here, and root may open any file whatever its mode says.
    it('refuses a file it may not open (permission denied)', async () => {
      const source = write(tempDir(), 'locked.docx', 'locked');
      const spy = openFailsWith('EACCES');
      const dataDir = tempDir();
      expect(await refusal(open(dataDir).addFile(source))).toBe('evidence-unreadable');
      spy.mockRestore();
      expect(filesIn(dataDir)).toEqual([]);
    });

    it('refuses a file that fails as it is opened (locked by another program)', async () => {
      const source = write(tempDir(), 'locked.xlsx', 'locked');
      const spy = openFailsWith('EBUSY');
      const dataDir = tempDir();
      expect(await refusal(open(dataDir).addFile(source))).toBe('evidence-unreadable');
      spy.mockRestore();
      expect(filesIn(dataDir)).toEqual([]);
    });

    it('says storage-failed, not unreadable, when the data folder cannot be written', async () => {
      const dataDir = tempDir();
      fs.writeFileSync(path.join(dataDir, 'evidence'), 'a file where the folder should be');
      const log = { ...silentLogger, error: vi.fn() };
      const source = Readable.from([Buffer.from('x')]);
      expect(await refusal(open(dataDir, undefined, log).addStream(source, 'x.txt', ''))).toBe(
        'storage-failed',
      );
      expect(source.destroyed).toBe(true);
      expect(log.error).toHaveBeenCalled();
    });
  });

  describe('types', () => {
    const typeOf = async (bytes: Buffer, name: string, declared = '') =>
      (await open(tempDir()).addStream(Readable.from([bytes]), name, declared)).type;

    it.each([
      [PNG, 'scan.txt', 'image/png'],
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'photo', 'image/jpeg'],
      [Buffer.from('GIF89a\x01\x00'), 'x.bin', 'image/gif'],
      [Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 '), 'x', 'image/webp'],
      [Buffer.from('%PDF-1.4'), 'agreement.docx', 'application/pdf'],
    ])('trusts the bytes over the name', async (bytes, name, type) => {
      expect(await typeOf(bytes, name)).toBe(type);
    });

    it('names other files by their extension, or as plain bytes', async () => {
      expect(await typeOf(Buffer.from('PK\x03\x04'), '台账.XLSX')).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(await typeOf(Buffer.from('hello'), 'notes.txt')).toBe('text/plain');
      expect(await typeOf(Buffer.from('hello'), 'no-extension')).toBe('application/octet-stream');
      expect(await typeOf(Buffer.from('hello'), 'x.constructor')).toBe('application/octet-stream');
    });

    it('never makes an image out of a name or a declared type', async () => {
      const type = await typeOf(Buffer.from('<html><script>'), 'fake.png', 'image/png');
      expect(type).toBe('application/octet-stream');
      expect(canPreview(type, 10)).toBe(false);
    });

    it('takes a declared type only when it is a harmless one it knows', async () => {
      expect(await typeOf(Buffer.from('a,b'), 'blob', 'text/csv; charset=utf-8')).toBe('text/csv');
      expect(await typeOf(Buffer.from('x'), 'blob', 'text/html')).toBe('application/octet-stream');
    });

    it('never gives SVG a type that could be previewed or rendered', async () => {
      const svg = Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
      );
      for (const declared of ['', 'image/svg+xml']) {
        const type = await typeOf(svg, 'logo.svg', declared);
        expect(type).not.toBe('image/svg+xml');
        expect(PREVIEW_TYPES as readonly string[]).not.toContain(type);
      }
      expect(sniffType(svg)).toBeNull();
    });
  });

  describe('names', () => {
    it('stores hostile names as harmless ones', async () => {
      const ref = await open(tempDir()).addStream(
        Readable.from([Buffer.from('x')]),
        `../../${'\u202E'.repeat(3)}${'n'.repeat(1000)}`,
        '',
      );
      expect(evidenceRefSchema.safeParse(ref).success).toBe(true);
      expect(ref.name).toHaveLength(255);
    });
  });

  it('logs no file names', async () => {
    const lines: string[] = [];
    const log: Logger = {
      file: '',
      info: (event, fields) => lines.push(`${event} ${JSON.stringify(fields)}`),
      warn: (event, fields) => lines.push(`${event} ${JSON.stringify(fields)}`),
      error: (event, _error, fields) => lines.push(`${event} ${JSON.stringify(fields)}`),
    };
    const store = open(tempDir(), 10, log);
    const dir = tempDir();
    await store.addFile(write(dir, 'secret-name.txt', 'x'));
    await store.addFile(write(dir, 'secret-big.txt', 'x'.repeat(11))).catch(() => undefined);
    await store.addFile(path.join(dir, 'secret-missing.txt')).catch(() => undefined);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.join('\n')).not.toMatch(/secret/);
  });

  it('clears temp files a crash left long ago, and only those', () => {
    const dataDir = tempDir();
    const root = path.join(dataDir, 'evidence');
    fs.mkdirSync(root);
    const old = path.join(root, '.0b7c7e3a-8f7e-4a53-9d43-2f1d6b1f4e21.tmp');
    const fresh = path.join(root, '.1b7c7e3a-8f7e-4a53-9d43-2f1d6b1f4e21.tmp');
    const other = path.join(root, 'notes.tmp');
    for (const file of [old, fresh, other]) fs.writeFileSync(file, 'x');
    const twoHoursAgo = new Date(NOW.getTime() - 2 * 60 * 60 * 1000);
    fs.utimesSync(old, twoHoursAgo, twoHoursAgo);
    fs.utimesSync(fresh, NOW, NOW);
    open(dataDir);
    expect([fs.existsSync(old), fs.existsSync(fresh), fs.existsSync(other)]).toEqual([
      false,
      true,
      true,
    ]);
  });
});

/** The next file opened for reading fails as Windows or Linux would refuse it. */
function openFailsWith(code: string) {
  const error = Object.assign(new Error(`${code}: cannot open`), { code });
  return vi.spyOn(fs, 'createReadStream').mockReturnValueOnce(
    new Readable({
      read() {
        this.destroy(error);
      },
    }) as unknown as fs.ReadStream,
  );
}
