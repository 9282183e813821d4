import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createEvidenceHandlers } from '../../../electron/ipc/evidence-handlers';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { openEvidenceStore } from '../../../electron/services/evidence/evidence-store';
import type { EvidenceStore } from '../../../electron/services/evidence/evidence-store';
import { unavailablePicker } from '../../../electron/services/evidence/file-picker';
import type { FilePicker } from '../../../electron/services/evidence/file-picker';
import { silentLogger } from '../../../electron/services/logger';
import { ERROR_MESSAGES } from '../../../shared/errors';
import { pickResultSchema } from '../../../shared/ipc/evidence';
import { evidenceContract } from '../../../shared/ipc/evidence';
import { useTempDir } from '../temp-dir';

const picking = (paths: string[]): FilePicker => ({ pickFiles: async () => paths });

describe('the evidence handlers', () => {
  const tempDir = useTempDir();

  function setUp(paths: string[], store?: EvidenceStore) {
    const evidence =
      store ?? openEvidenceStore({ dataDir: tempDir(), log: silentLogger, maxBytes: 100 });
    const handlers = createEvidenceHandlers({
      evidence,
      picker: picking(paths),
      log: silentLogger,
    });
    const dispatch = createDispatcher({
      contract: { evidence: evidenceContract },
      handlers: { evidence: handlers },
      locale: () => 'en-US',
      log: silentLogger,
    });
    return { handlers, dispatch, evidence };
  }

  it('stores every file it can and says why each other one was not stored', async () => {
    const dir = tempDir();
    const good = path.join(dir, '值班表.pdf');
    const big = path.join(dir, 'video.mp4');
    fs.writeFileSync(good, '%PDF-1.7');
    fs.writeFileSync(big, Buffer.alloc(101));
    const missing = path.join(dir, 'gone.docx');
    const { handlers } = setUp([good, big, missing, dir]);

    const result = await handlers.pick(undefined);
    expect(pickResultSchema.safeParse(result).success).toBe(true);
    expect(result.files).toHaveLength(1);
    expect(result.files[0]).toMatchObject({ name: '值班表.pdf', type: 'application/pdf', size: 8 });
    expect(result.problems).toEqual([
      { name: 'video.mp4', message: ERROR_MESSAGES['evidence-too-large'] },
      { name: 'gone.docx', message: ERROR_MESSAGES['evidence-unreadable'] },
      { name: path.basename(dir), message: ERROR_MESSAGES['evidence-unreadable'] },
    ]);
  });

  it('answers a cancelled dialog with nothing, and stores nothing', async () => {
    const dataDir = tempDir();
    const { handlers } = setUp([], openEvidenceStore({ dataDir, log: silentLogger }));
    await expect(handlers.pick(undefined)).resolves.toEqual({ files: [], problems: [] });
    expect(fs.existsSync(path.join(dataDir, 'evidence'))).toBe(false);
  });

  it('turns a failure it did not expect into a problem for that file alone', async () => {
    const log = { ...silentLogger, error: vi.fn() };
    const evidence: EvidenceStore = {
      ...openEvidenceStore({ dataDir: tempDir(), log: silentLogger }),
      addFile: vi.fn(async () => Promise.reject(new TypeError('boom'))),
    };
    const handlers = createEvidenceHandlers({ evidence, picker: picking(['/x/a.txt']), log });
    await expect(handlers.pick(undefined)).resolves.toEqual({
      files: [],
      problems: [{ name: 'a.txt', message: ERROR_MESSAGES.internal }],
    });
    expect(log.error).toHaveBeenCalled();
  });

  it('reads a stored file back as base64 through the door, and a missing one as not found', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'scan.png');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    fs.writeFileSync(file, png);
    const { handlers, dispatch } = setUp([file]);
    const [ref] = (await handlers.pick(undefined)).files;

    await expect(dispatch('evidence:read', { sha256: ref!.sha256 })).resolves.toEqual({
      ok: true,
      value: { type: 'image/png', dataBase64: png.toString('base64') },
    });
    await expect(dispatch('evidence:read', { sha256: 'b'.repeat(64) })).resolves.toEqual({
      ok: false,
      error: {
        code: 'evidence-not-found',
        message: ERROR_MESSAGES['evidence-not-found']['en-US'],
      },
    });
    const invalid = await dispatch('evidence:read', { sha256: '../../settings.json' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('stores a file the app made from its bytes, typed by what they are, once', async () => {
    const dataDir = tempDir();
    const { dispatch, evidence } = setUp([], openEvidenceStore({ dataDir, log: silentLogger }));
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);
    const input = { name: '签名.png', dataBase64: png.toString('base64') };

    const first = await dispatch('evidence:add', input);
    expect(first).toMatchObject({
      ok: true,
      value: { name: '签名.png', type: 'image/png', size: png.length },
    });
    const ref = first.ok ? (first.value as { sha256: string }) : null;
    expect(evidence.has(ref!.sha256)).toBe(true);
    expect((await evidence.read(ref!.sha256)).bytes.equals(png)).toBe(true);
    // The same bytes again: the same file, not a second copy.
    await expect(dispatch('evidence:add', input)).resolves.toMatchObject({
      ok: true,
      value: { sha256: ref!.sha256 },
    });
    const files = fs.readdirSync(path.join(dataDir, 'evidence'), { recursive: true });
    expect(files.filter((f) => String(f).endsWith(ref!.sha256))).toHaveLength(1);
  });

  it('refuses what is not base64, empty, or over 1 MB before storing anything', async () => {
    const dataDir = tempDir();
    const { dispatch } = setUp([], openEvidenceStore({ dataDir, log: silentLogger }));
    for (const dataBase64 of ['', 'not base64!', '../../x', 'A'.repeat(1_400_000)]) {
      const result = await dispatch('evidence:add', { name: 'a.png', dataBase64 });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    // Just within the text's limit, just over the file's: refused once decoded, in words.
    const big = Buffer.alloc(1024 * 1024 + 1).toString('base64');
    await expect(dispatch('evidence:add', { name: 'a.png', dataBase64: big })).resolves.toEqual({
      ok: false,
      error: { code: 'evidence-too-large', message: 'The file is over 1 MB and was not stored.' },
    });
    expect(fs.existsSync(path.join(dataDir, 'evidence'))).toBe(false);
  });

  it('passes a picker that cannot open a dialog on as a failure in the user language', async () => {
    const evidence = openEvidenceStore({ dataDir: tempDir(), log: silentLogger });
    const dispatch = createDispatcher({
      contract: { evidence: evidenceContract },
      handlers: {
        evidence: createEvidenceHandlers({
          evidence,
          picker: unavailablePicker,
          log: silentLogger,
        }),
      },
      locale: () => 'zh-CN',
      log: silentLogger,
    });
    const result = await dispatch('evidence:pick', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'evidence-unreadable' } });
    expect(!result.ok && result.error.message).toMatch(/文件选择框/);
  });
});
