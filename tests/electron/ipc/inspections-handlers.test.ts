import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { silentLogger } from '../../../electron/services/logger';
import { templateHash } from '../../../electron/services/templates/template-store';
import { ERROR_MESSAGES } from '../../../shared/errors';
import { inspectionJson } from '../../../shared/inspection/canonical';
import type { Change } from '../../../shared/inspection/changes';
import { contract } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/define';
import { MAX_CHANGES_PER_UPDATE, MAX_IMPORT_BYTES } from '../../../shared/ipc/inspections';
import { useTempDir } from '../temp-dir';
import {
  AUTUMN_2026,
  demo,
  INSPECTOR,
  movingClock,
  otherTemplate,
  PROFILE,
  SPRING_2027,
} from '../services/inspection-fixtures';
import { testServices } from '../services/test-services';

const HOUR = 3_600_000;
/** The files in <dataDir>/inspections (the folder appears when the store first opens). */
const inspectionFiles = (dataDir: string) => {
  const dir = path.join(dataDir, 'inspections');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};
const base64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');

describe('the inspections and backups handlers, through the door', () => {
  const tempDir = useTempDir();

  function setUp(options: { profile?: boolean } = {}) {
    const dataDir = tempDir();
    const clock = movingClock();
    const services = testServices(dataDir, { now: clock.now });
    if (options.profile !== false) {
      services.settings.update({ profile: PROFILE, inspector: INSPECTOR, language: 'en-US' });
    } else {
      services.settings.update({ language: 'en-US' });
    }
    const dispatch = createDispatcher({
      contract,
      handlers: createHandlers(services),
      locale: () => services.settings.get().language,
      log: silentLogger,
    });
    const call = async <T = unknown>(channel: string, input?: unknown) =>
      (await dispatch(channel, input)) as IpcResult<T>;
    return { dataDir, clock, services, call };
  }

  const importFile = (dataBase64: string, fileName = 'qinglang-3101010001-2026-autumn.json') => ({
    fileName,
    dataBase64,
  });

  it('exports an inspection and imports the file elsewhere, a BOM before it or not', async () => {
    const [sample] = demo(1);
    const from = setUp();
    from.services.inspections.add([sample!]);
    const exported = await from.call<{ fileName: string; text: string }>('inspections:export', {
      id: sample!.id,
    });
    expect(exported).toEqual({
      ok: true,
      value: {
        fileName: `qinglang-${sample!.school.code}-2026-autumn.json`,
        text: inspectionJson(sample!),
      },
    });
    if (!exported.ok) throw new Error('expected an export');

    const plain = setUp();
    await expect(
      plain.call('inspections:import', importFile(base64(exported.value.text))),
    ).resolves.toMatchObject({
      ok: true,
      value: { status: 'imported', renamed: false, summary: { id: sample!.id } },
    });

    // Notepad on Windows saves UTF-8 with a byte-order mark.
    const withBom = setUp();
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(exported.value.text, 'utf8'),
    ]);
    await expect(
      withBom.call('inspections:import', importFile(bom.toString('base64'))),
    ).resolves.toMatchObject({
      ok: true,
      value: { status: 'imported', renamed: false, summary: { id: sample!.id } },
    });
    const listed = await withBom.call<{ id: string }[]>('inspections:list');
    expect(listed.ok && listed.value.map((s) => s.id)).toEqual([sample!.id]);
  });

  it.each<[string, () => Buffer]>([
    ['bytes that are not UTF-8', () => Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ['GBK text', () => Buffer.from([0xc7, 0xe5, 0xc0, 0xca])],
    ['UTF-16 with its byte-order mark', () => Buffer.from('\ufeff{"a":1}', 'utf16le')],
    ['truncated JSON', () => Buffer.from(inspectionJson(demo(1)[0]!).slice(0, 500))],
    ['an empty file', () => Buffer.alloc(0)],
    ['a spreadsheet', () => Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000')],
  ])('refuses %s as import-invalid, importing nothing', async (_label, bytes) => {
    const { call, dataDir } = setUp();
    const result = await call('inspections:import', importFile(base64(bytes())));
    expect(result).toEqual({
      ok: false,
      error: { code: 'import-invalid', message: ERROR_MESSAGES['import-invalid']['en-US'] },
    });
    expect(inspectionFiles(dataDir)).toEqual([]);
  });

  it('refuses a 25 MB file at the door', async () => {
    const { call } = setUp();
    const huge = Buffer.alloc(25 * 1024 * 1024, 0x20).toString('base64');
    const result = await call('inspections:import', importFile(huge));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses a file just over the limit that the door lets through', async () => {
    const { call } = setUp();
    const justOver = Buffer.alloc(MAX_IMPORT_BYTES + 3, 0x20).toString('base64');
    const result = await call('inspections:import', importFile(justOver));
    expect(result).toMatchObject({ ok: false, error: { code: 'import-invalid' } });
  });

  it('refuses an inspection filled against a template that is not installed', async () => {
    const [sample] = demo(1);
    const other = otherTemplate();
    const foreign = {
      ...sample!,
      template: { id: other.id, version: other.version, hash: templateHash(other) },
    };
    const { call, dataDir } = setUp();
    const result = await call('inspections:import', importFile(base64(inspectionJson(foreign))));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'import-template-missing',
        message: ERROR_MESSAGES['import-template-missing']['en-US'],
      },
    });
    expect(inspectionFiles(dataDir)).toEqual([]);
  });

  it('answers a file with hostile text with its problems, importing nothing', async () => {
    const [sample] = demo(1);
    const { call } = setUp();
    const hostile = { ...sample!, inspector: 'report\u202Efdp.exe' };
    const result = await call<{ status: string; problems: { path: string }[] }>(
      'inspections:import',
      importFile(base64(JSON.stringify(hostile))),
    );
    expect(result).toMatchObject({ ok: true, value: { status: 'invalid' } });
    if (!result.ok) throw new Error('expected an answer');
    expect(result.value.problems.map((p) => p.path).join(' ')).toContain('inspector');
    await expect(call('inspections:list')).resolves.toEqual({ ok: true, value: [] });
  });

  it.each<[string, string]>([
    ['nested 100,000 levels deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    [
      'keys that name prototypes',
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    ],
  ])('answers JSON %s with its problems, harming nothing', async (_label, text) => {
    const { call } = setUp();
    const result = await call('inspections:import', importFile(base64(text)));
    expect(result).toMatchObject({ ok: true, value: { status: 'invalid' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expect(call('inspections:list')).resolves.toEqual({ ok: true, value: [] });
  });

  it(`refuses ${MAX_CHANGES_PER_UPDATE + 1} changes in one update at the door`, async () => {
    const { call, services, dataDir } = setUp();
    const { id } = services.inspections.create({ period: AUTUMN_2026, inspector: INSPECTOR });
    const before = fs.readFileSync(path.join(dataDir, 'inspections', `${id}.json`));
    const change: Change = { kind: 'answer', itemId: 'org_budget', value: 'yes' };
    const tooMany = await call('inspections:update', {
      id,
      changes: Array.from({ length: MAX_CHANGES_PER_UPDATE + 1 }, () => change),
    });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (tooMany.ok) throw new Error('expected a refusal');
    expect(tooMany.error.issues?.[0]?.path).toBe('changes');
    expect(fs.readFileSync(path.join(dataDir, 'inspections', `${id}.json`))).toEqual(before);

    await expect(
      call('inspections:update', {
        id,
        changes: Array.from({ length: MAX_CHANGES_PER_UPDATE }, () => change),
      }),
    ).resolves.toMatchObject({ ok: true });
  });

  it('passes a refused edit on with its reason in the user language', async () => {
    const { call, services } = setUp();
    const { id } = services.inspections.create({ period: AUTUMN_2026, inspector: INSPECTOR });
    const result = await call('inspections:update', {
      id,
      changes: [{ kind: 'answer', itemId: 'no_such_item', value: 'x' }],
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'inspection-refused', message: 'the template has no item no_such_item' },
    });
    services.settings.update({ language: 'zh-CN' });
    const inChinese = await call('inspections:update', {
      id,
      changes: [{ kind: 'answer', itemId: 'no_such_item', value: 'x' }],
    });
    expect(inChinese).toMatchObject({
      ok: false,
      error: { code: 'inspection-refused', message: '模板中没有这一项：no_such_item' },
    });
  });

  it('asks for the school profile before creating', async () => {
    const { call } = setUp({ profile: false });
    await expect(
      call('inspections:create', { period: AUTUMN_2026, inspector: INSPECTOR }),
    ).resolves.toEqual({
      ok: false,
      error: { code: 'profile-missing', message: ERROR_MESSAGES['profile-missing']['en-US'] },
    });
  });

  it('lists what a restored backup holds', async () => {
    const { call, clock } = setUp();
    const kept = await call<{ id: string }>('inspections:create', {
      period: AUTUMN_2026,
      inspector: INSPECTOR,
    });
    if (!kept.ok) throw new Error('expected a new inspection');
    clock.tick(HOUR);
    const point = await call<{ id: string }>('backups:create');
    if (!point.ok) throw new Error('expected a backup');

    clock.tick(HOUR);
    await call('inspections:create', { period: SPRING_2027, inspector: INSPECTOR });
    await call('inspections:trash', { id: kept.value.id });
    const now = await call<{ id: string; trashedAt?: string }[]>('inspections:list');
    expect(now.ok && now.value).toHaveLength(2);

    clock.tick(HOUR);
    await expect(call('backups:restore', { id: point.value.id })).resolves.toMatchObject({
      ok: true,
      value: { id: point.value.id, reason: 'manual' },
    });
    const after = await call<{ id: string; trashedAt?: string }[]>('inspections:list');
    expect(after).toMatchObject({ ok: true, value: [{ id: kept.value.id }] });
    expect(after.ok && after.value[0]!.trashedAt).toBeUndefined();

    const backups = await call<{ reason: string }[]>('backups:list');
    expect(backups.ok && backups.value.map((b) => b.reason)).toContain('before-restore');
  });

  it.each([
    ['../../etc', 'backup-not-found'],
    ['..', 'backup-not-found'],
    ['', 'backup-not-found'],
    ['x'.repeat(101), 'invalid-input'],
  ])('refuses to restore the backup %j (%s)', async (id, code) => {
    const { call } = setUp();
    await expect(call('backups:restore', { id })).resolves.toMatchObject({
      ok: false,
      error: { code },
    });
  });

  it('after a restore, every domain works on the restored data (none keeps the old stores)', async () => {
    const { call, clock, dataDir } = setUp();
    const point = await call<{ id: string }>('backups:create');
    if (!point.ok) throw new Error('no backup');
    clock.tick(HOUR);
    await call('settings:set', { inspector: '后来改的名字' });
    await call('backups:restore', { id: point.value.id });

    // templates:setDefault writes settings: it must write the restored ones, not the undone.
    await call('templates:setDefault', { id: 'school_security', version: '2026.1' });
    const onDisk = JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as {
      inspector: string;
    };
    expect(onDisk.inspector).toBe(INSPECTOR);
    await expect(call('settings:get')).resolves.toMatchObject({
      ok: true,
      value: { inspector: INSPECTOR },
    });
  });

  it('creates with the template asked for, or says it is not there (never a silent substitute)', async () => {
    const { call } = setUp();
    const missing = await call('inspections:create', {
      template: { id: 'district_2030', version: '1' },
      period: AUTUMN_2026,
      inspector: INSPECTOR,
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'template-not-found' } });
  });
});
