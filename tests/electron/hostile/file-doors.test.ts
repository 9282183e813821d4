import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../electron/ipc/app-core';
import { openAppCore } from '../../../electron/ipc/app-core';
import { confStoreFactory } from '../../../electron/services/json-store';
import { silentLogger } from '../../../electron/services/logger';
import { serializeTemplate } from '../../../electron/services/templates/template-files';
import { LATEST_BUILT_IN } from '../../../electron/services/templates/template-store';
import type { IpcResult } from '../../../shared/ipc/define';
import { buildZip, zeros, zipWithHiddenEnd } from '../services/zip/zip-builder';
import { INSPECTOR, PROFILE } from '../services/inspection-fixtures';
import { useTempDir } from '../temp-dir';

/**
 * Every file door, fed the hostile corpus (tests/fixtures/hostile/, large and crafted files made
 * here): each answer comes within a bounded time and memory, says what is wrong in the user's
 * language, and leaves the data folder as it was.
 */
const CORPUS = path.resolve(import.meta.dirname, '../../fixtures/hostile');
const corpus = fs
  .readdirSync(CORPUS)
  .map((name) => ({ name, bytes: fs.readFileSync(path.join(CORPUS, name)) }));
const TIME_LIMIT_MS = 5_000;
const MEMORY_LIMIT_MB = 300;

/** Large and crafted inputs, made at test time rather than committed. */
function generated(): { name: string; bytes: Buffer }[] {
  const workbook = Buffer.from(serializeTemplate(LATEST_BUILT_IN, 'xlsx'));
  const entries = [{ name: 'xl/workbook.xml', content: zeros(64) }];
  return [
    {
      name: 'deep-nesting.json',
      bytes: Buffer.from(`${'['.repeat(200_000)}${']'.repeat(200_000)}`),
    },
    { name: 'million-items.json', bytes: Buffer.from(`[${'0,'.repeat(1_000_000)}0]`) },
    {
      name: 'key-flood.json',
      bytes: Buffer.from(
        `{"format":"qinglang-inspection/1","answers":{${Array.from({ length: 100_000 }, (_, i) => `"k${i}":1`).join(',')}}}`,
      ),
    },
    { name: 'long-string.json', bytes: Buffer.from(`{"format":"${'x'.repeat(4_000_000)}"}`) },
    { name: 'zip-bomb.xlsx', bytes: buildZip({ entries }) },
    {
      name: 'zip-method-lie.xlsx',
      bytes: buildZip({ entries: [{ ...entries[0]!, central: { method: 0 } }] }),
    },
    {
      name: 'zip-hidden-end.xlsx',
      bytes: zipWithHiddenEnd([{ name: 'a.txt', content: Buffer.from('a') }], entries),
    },
    {
      name: 'truncated-workbook.xlsx',
      bytes: workbook.subarray(0, Math.floor(workbook.length / 2)),
    },
  ];
}

interface Door {
  readonly name: string;
  call(core: AppCore, file: { name: string; bytes: Buffer }): Promise<IpcResult<unknown>>;
}

const b64 = (bytes: Buffer) => bytes.toString('base64');
const DOORS: Door[] = [
  {
    name: 'inspections:import',
    call: (core, file) =>
      core.dispatch('inspections:import', { fileName: file.name, dataBase64: b64(file.bytes) }),
  },
  {
    name: 'templates:import as .json',
    call: (core, file) =>
      core.dispatch('templates:import', { fileName: 'template.json', dataBase64: b64(file.bytes) }),
  },
  {
    name: 'templates:import as .xlsx',
    call: (core, file) =>
      core.dispatch('templates:import', { fileName: 'template.xlsx', dataBase64: b64(file.bytes) }),
  },
];

/** Every file below a folder with its bytes, except the log and the backups (they may change). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (!entry.isFile() || /^(logs|backups)\b/.test(rel)) continue;
    out[rel] = fs.readFileSync(path.join(dir, rel)).toString('base64');
  }
  return out;
}

/** What a refusal says, whatever its shape: an IpcResult failure or an 'invalid' outcome. */
function refusalText(result: IpcResult<unknown>): string | null {
  if (!result.ok) return result.error.message;
  const value = result.value as { status?: string; problems?: { message: { 'zh-CN': string } }[] };
  if (value.status === 'invalid')
    return value.problems?.map((p) => p.message['zh-CN']).join('；') ?? '';
  return null;
}

describe('every file door, fed hostile files', () => {
  const tempDir = useTempDir();
  const opened: AppCore[] = [];
  afterEach(() => {
    for (const core of opened.splice(0)) core.services.close();
  });

  /** The app's core over a folder, as the harness opens it (holding the folder). */
  function openCore(dataDir: string): AppCore {
    const opening = openAppCore({
      dataDir,
      version: '0.0.0-hostile',
      shell: 'browser',
      storeFactory: confStoreFactory,
      log: silentLogger,
      lock: true,
    });
    opened.push(opening);
    return opening;
  }

  function open(dataDir = tempDir()): AppCore {
    const fresh = openCore(dataDir);
    fresh.services.settings.update({ profile: PROFILE, inspector: INSPECTOR, language: 'zh-CN' });
    return fresh;
  }

  const files = [...corpus, ...generated()];
  const cases = DOORS.flatMap((door) =>
    files.map((file) => [door.name, file.name, door, file] as const),
  );

  it.each(cases)(
    '%s refuses %s, in time, in Chinese, writing nothing',
    async (_d, _f, door, file) => {
      const core = open();
      const dataDir = core.services.about.dataDir;
      const before = snapshot(dataDir);
      const memory = process.memoryUsage().rss;
      const started = performance.now();
      const result = await door.call(core, file);
      const took = performance.now() - started;
      const grew = (process.memoryUsage().rss - memory) / 1024 / 1024;

      const text = refusalText(result);
      expect(text, 'it was accepted').not.toBeNull();
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(took).toBeLessThan(TIME_LIMIT_MS);
      expect(grew).toBeLessThan(MEMORY_LIMIT_MB);
      expect(snapshot(dataDir)).toEqual(before);
      // And the door still works afterwards.
      expect((await core.dispatch('inspections:list', undefined)).ok).toBe(true);
    },
  );

  it('stores hostile evidence as harmless bytes: no script type, no path in its name', async () => {
    const core = open();
    for (const name of ['svg-script.svg', 'traversal-name.txt']) {
      const bytes = fs.readFileSync(path.join(CORPUS, name));
      const ref = await core.services.evidence.addStream(
        Readable.from([bytes]),
        `../../${name}\u202Egpj.exe`,
        'image/svg+xml',
      );
      expect(ref.type).not.toMatch(/svg|html|script/);
      expect(ref.name).not.toMatch(/[\\/]|\u202E/);
    }
  });

  it.each(corpus.map((file) => [file.name, file] as const))(
    'starts with %s in place of any data file, keeping it aside and reporting it',
    (_name, file) => {
      const dataDir = tempDir();
      const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
      for (const rel of [
        'settings.json',
        `inspections/${id}.json`,
        'templates/district@1.json',
        'qinglang.lock',
      ]) {
        fs.mkdirSync(path.dirname(path.join(dataDir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dataDir, rel), file.bytes);
      }
      const core = openCore(dataDir);
      expect(core.services.inspections.list()).toEqual([]);
      const kept = core.services
        .notices()
        .map((n) => n.file)
        .sort();
      expect(kept).toEqual(
        expect.arrayContaining([`inspections/${id}.json`, 'templates/district@1.json']),
      );
      // Kept aside, never deleted: the user's bytes are still there under another name.
      const aside = fs
        .readdirSync(path.join(dataDir, 'inspections'))
        .filter((n) => n.includes('.corrupt-'));
      expect(aside).toHaveLength(1);
      expect(fs.readFileSync(path.join(dataDir, 'inspections', aside[0]!))).toEqual(file.bytes);
    },
  );
});
