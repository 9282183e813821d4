import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import type { FileSaver, FileToSave } from '../../../electron/services/export/file-saver';
import { downloadSaver } from '../../../electron/services/export/file-saver';
import { confStoreFactory } from '../../../electron/services/json-store';
import type { Logger } from '../../../electron/services/logger';
import { silentLogger } from '../../../electron/services/logger';
import type { PdfPrinter } from '../../../electron/services/report/pdf-printer';
import { createServices } from '../../../electron/services/services';
import { verifyWorkbook } from '../../../electron/services/workbook/workbook-verify';
import { readZip } from '../../../electron/services/zip/zip-reader';
import type { Inspection } from '../../../shared/inspection/schema';
import { contract } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/define';
import type { ExportOutcome, SaveOutcome } from '../../../shared/ipc/exports';
import { scribblePng, signed } from '../report/report-fixtures';
import { demo, INSPECTOR, PROFILE } from '../services/inspection-fixtures';
import { useTempDir } from '../temp-dir';

/** A saver that keeps what it was given and answers as a desktop dialog would. */
function stubSaver(answer: SaveOutcome = { kind: 'saved', path: '/chosen/file' }) {
  const saved: FileToSave[] = [];
  const shown: string[] = [];
  const saver: FileSaver = {
    save: (file) => {
      saved.push(file);
      return Promise.resolve(answer);
    },
    showInFolder: (path) => {
      shown.push(path);
      return Promise.resolve();
    },
  };
  return { saver, saved, shown };
}

describe('the exports handlers, through the door', () => {
  const tempDir = useTempDir();

  async function setUp(options: { saver?: FileSaver; printer?: PdfPrinter; log?: Logger } = {}) {
    const log = options.log ?? silentLogger;
    const services = createServices({
      dataDir: tempDir(),
      version: '0.0.0-test',
      shell: 'browser',
      storeFactory: confStoreFactory,
      log,
      ...(options.saver ? { saver: options.saver } : {}),
      ...(options.printer ? { printer: options.printer } : {}),
    });
    services.settings.update({ profile: PROFILE, inspector: INSPECTOR, language: 'zh-CN' });
    const dispatch = createDispatcher({
      contract,
      handlers: createHandlers(services),
      locale: () => services.settings.get().language,
      log,
    });
    const call = <T>(channel: string, input: unknown) =>
      dispatch(channel, input) as Promise<IpcResult<T>>;
    const image = await services.evidence.addStream(
      Readable.from([scribblePng()]),
      '签名.png',
      'image/png',
    );
    const [draft, other] = demo(2, 'exports-handlers') as [Inspection, Inspection];
    const signedOne = signed(other, { image });
    services.inspections.add([draft, signedOne]);
    return { services, call, draft, signedOne };
  }

  const value = <T>(result: IpcResult<T>): T => {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };

  it("offers a signed inspection's workbook to the saver, named by school and term, and it verifies as signed", async () => {
    const stub = stubSaver();
    const { call, signedOne } = await setUp({ saver: stub.saver });
    const outcome = value(
      await call<ExportOutcome>('exports:save', {
        id: signedOne.id,
        language: 'zh-CN',
        kind: 'workbook',
      }),
    );
    expect(outcome).toEqual({
      outcome: { kind: 'saved', path: '/chosen/file' },
      missingEvidence: 0,
    });
    const [file] = stub.saved;
    const { year, term } = signedOne.period;
    expect(file!.fileName).toBe(`检查工作簿-${signedOne.school.code}-${year}-${term}.xlsx`);
    const { check, envelope } = verifyWorkbook(file!.bytes);
    expect(check.status).toBe('signed');
    expect(envelope?.language).toBe('zh-CN');
    expect(envelope?.appVersion).toBe('0.0.0-test');
  });

  it("exports a draft too, in English when asked, and it says it is a draft; the harness's saver hands back its bytes", async () => {
    const { call, draft } = await setUp({ saver: downloadSaver });
    const { outcome } = value(
      await call<ExportOutcome>('exports:save', {
        id: draft.id,
        language: 'en-US',
        kind: 'workbook',
      }),
    );
    if (outcome.kind !== 'download') throw new Error(`expected a download, got ${outcome.kind}`);
    expect(outcome.fileName).toMatch(/^inspection-workbook-.+\.xlsx$/);
    const { check, envelope } = verifyWorkbook(Buffer.from(outcome.dataBase64, 'base64'));
    expect(check.status).toBe('draft');
    expect(envelope?.language).toBe('en-US');
  });

  it('makes the submission package with the printed report, the workbook and a manifest', async () => {
    const print = vi.fn<PdfPrinter['print']>(() => Promise.resolve(Buffer.from('%PDF-1.7 test')));
    const stub = stubSaver();
    const { call, signedOne } = await setUp({ saver: stub.saver, printer: { print } });
    const made = value(
      await call<ExportOutcome>('exports:save', {
        id: signedOne.id,
        language: 'en-US',
        kind: 'package',
      }),
    );
    // The sample's evidence files are not in the test's data folder: the user is told how many,
    // as the manifest lists them.
    const missingListed = (): number => {
      const entry = readZip(stub.saved[0]!.bytes);
      if (!entry.ok) throw new Error(entry.reason);
      const manifest = entry.entries.find((e) => e.name === 'manifest.json')!;
      return (JSON.parse(Buffer.from(manifest.data).toString('utf8')) as { missing: unknown[] })
        .missing.length;
    };
    expect(made.missingEvidence).toBe(missingListed());
    expect(made.missingEvidence).toBeGreaterThan(0);
    const [file] = stub.saved;
    expect(file!.fileName).toMatch(/^submission-.+\.zip$/);
    const zip = readZip(file!.bytes);
    if (!zip.ok) throw new Error(zip.reason);
    const names = zip.entries.map((entry) => entry.name);
    expect(names).toContain('manifest.json');
    expect(names.some((name) => /^inspection-workbook-.+\.xlsx$/.test(name))).toBe(true);
    expect(names.some((name) => name.endsWith('.pdf'))).toBe(true);
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('says why no package can be made when the PDF cannot be printed, and saves nothing', async () => {
    const stub = stubSaver();
    const error = vi.fn();
    const log = { ...silentLogger, error } as Logger;
    const { call, draft } = await setUp({
      saver: stub.saver,
      log,
      printer: { print: () => Promise.reject(new Error('Target page has been closed')) },
    });
    const failed = await call('exports:save', { id: draft.id, language: 'zh-CN', kind: 'package' });
    expect(!failed.ok && failed.error.code).toBe('pdf-failed');
    expect(!failed.ok && failed.error.message).toMatch(/^生成 PDF 失败/);
    expect(error).toHaveBeenCalledWith('export.print-failed', expect.any(Error));
    const none = await setUp({ saver: stub.saver });
    const unavailable = await none.call('exports:save', {
      id: none.draft.id,
      language: 'zh-CN',
      kind: 'package',
    });
    expect(!unavailable.ok && unavailable.error.code).toBe('pdf-unavailable');
    expect(stub.saved).toEqual([]);
  });

  it('refuses what is not there or not allowed, before anything is made', async () => {
    const stub = stubSaver();
    const { call, draft, services } = await setUp({ saver: stub.saver });
    const missing = await call('exports:save', {
      id: '00000000-0000-4000-8000-00000000ffff',
      language: 'zh-CN',
      kind: 'workbook',
    });
    expect(!missing.ok && missing.error.code).toBe('inspection-not-found');
    for (const input of [
      { id: draft.id, language: 'zh-CN', kind: 'pdf' },
      { id: draft.id, language: 'fr-FR', kind: 'workbook' },
      { id: draft.id, language: 'zh-CN', kind: 'workbook', path: '/tmp/x.xlsx' },
    ]) {
      const refused = await call('exports:save', input);
      expect(!refused.ok && refused.error.code).toBe('invalid-input');
    }
    expect(stub.saved).toEqual([]);
    services.close();
  });

  it('passes a path to show on to the saver, which alone judges it; without a dialog, says so', async () => {
    const stub = stubSaver();
    const { call } = await setUp({ saver: stub.saver });
    expect(value(await call('exports:showInFolder', { path: '/chosen/file' }))).toBeNull();
    expect(stub.shown).toEqual(['/chosen/file']);
    const harness = await setUp({ saver: downloadSaver });
    const refused = await harness.call('exports:showInFolder', { path: '/chosen/file' });
    expect(!refused.ok && refused.error.code).toBe('export-failed');
    const cli = await setUp();
    const noDialog = await cli.call('exports:save', {
      id: cli.draft.id,
      language: 'zh-CN',
      kind: 'workbook',
    });
    expect(!noDialog.ok && noDialog.error.message).toBe('这里无法打开保存文件的对话框。');
  });
});
