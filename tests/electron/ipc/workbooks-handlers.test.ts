import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { confStoreFactory } from '../../../electron/services/json-store';
import { silentLogger } from '../../../electron/services/logger';
import { sampleData } from '../../../electron/services/sample-data';
import { createServices } from '../../../electron/services/services';
import { LATEST_BUILT_IN } from '../../../electron/services/templates/template-store';
import { createOpenedWorkbooks } from '../../../electron/services/workbook/opened-workbooks';
import { writeWorkbook } from '../../../electron/services/workbook/workbook-write';
import type { Inspection } from '../../../shared/inspection/schema';
import { contract } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/define';
import { workbookModel } from '../../../shared/workbook/model';
import type { WorkbookCheck } from '../../../shared/workbook/verdict';
import { useTempDir } from '../temp-dir';

const samples = (signing: 'all' | 'none') =>
  sampleData({ count: 1, seed: 'open-workbook', asOf: '2026-11-30', signing }).map(
    (s) => s.inspection,
  )[0]!;
const SIGNED = samples('all');
const DRAFT = samples('none');

/** The workbook of an inspection; `edit` changes the first data cell of its items sheet. */
function workbookOf(inspection: Inspection, edit?: string): Buffer {
  const model = workbookModel(inspection, LATEST_BUILT_IN, 'zh-CN', '0.1.0-test');
  if (edit === undefined) return writeWorkbook(model);
  const [summary, items, ...rest] = model.sheets;
  const [first, ...rows] = items!.rows;
  const changed = {
    ...items!,
    rows: [[{ kind: 'text', value: edit } as const, ...first!.slice(1)], ...rows],
  };
  return writeWorkbook({ ...model, sheets: [summary!, changed, ...rest] });
}

interface Opened {
  opened: boolean;
  key?: string;
  fileName: string;
  check: WorkbookCheck;
  inspection?: Inspection;
}

describe('opened workbooks', () => {
  it('keeps what a workbook carries under a fresh key, and forgets the oldest past the limit', () => {
    let n = 0;
    const opened = createOpenedWorkbooks(2, () => `key-${++n}`);
    const bytes = workbookOf(SIGNED);
    const keys = [1, 2, 3].map((i) => {
      const outcome = opened.open(`copy-${i}.xlsx`, bytes);
      if (!outcome.opened) throw new Error(outcome.check.status);
      expect(outcome.workbook.check.status).toBe('signed');
      expect(outcome.workbook.envelope.inspection.id).toBe(SIGNED.id);
      return outcome.workbook.key;
    });
    expect(keys).toEqual(['key-1', 'key-2', 'key-3']);
    expect(opened.get('key-1')).toBeUndefined();
    expect(opened.get('key-3')?.fileName).toBe('copy-3.xlsx');
    opened.close('key-3');
    expect(opened.get('key-3')).toBeUndefined();
  });

  it('keeps nothing of a file that is not a workbook, and says why', () => {
    const opened = createOpenedWorkbooks();
    const outcome = opened.open('notes.xlsx', Buffer.from('just some text\n'));
    expect(outcome).toMatchObject({ opened: false, fileName: 'notes.xlsx' });
    if (outcome.opened) return;
    expect(outcome.check.status).toBe('not-workbook');
    expect(outcome.check.reason['zh-CN']).toContain('Excel');
  });
});

describe('the workbooks handlers, through the door', () => {
  const tempDir = useTempDir();

  function setUp() {
    const services = createServices({
      dataDir: tempDir(),
      version: '0.0.0-test',
      shell: 'browser',
      storeFactory: confStoreFactory,
      log: silentLogger,
    });
    const dispatch = createDispatcher({
      contract,
      handlers: createHandlers(services),
      locale: () => 'en-US',
      log: silentLogger,
    });
    const call = <T>(channel: string, input: unknown) =>
      dispatch(channel, input) as Promise<IpcResult<T>>;
    const open = async (fileName: string, bytes: Buffer) => {
      const result = await call<Opened>('workbooks:open', {
        fileName,
        dataBase64: bytes.toString('base64'),
      });
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    return { services, call, open };
  }

  it('opens a signed workbook, gives it again by its key, and writes nothing to the data folder', async () => {
    const { services, call, open } = setUp();
    const opened = await open('school.xlsx', workbookOf(SIGNED));
    expect(opened).toMatchObject({ opened: true, fileName: 'school.xlsx' });
    expect(opened.check.status).toBe('signed');
    expect(opened.inspection?.signoff?.signer).toBe(SIGNED.signoff?.signer);
    const again = await call<Opened>('workbooks:get', { key: opened.key });
    expect(again.ok && again.value.inspection?.id).toBe(SIGNED.id);
    expect(services.inspections.list()).toEqual([]);
  });

  it('opens a workbook whose cell was edited, naming the cell, and its report never shows the signature as valid', async () => {
    const { call, open } = setUp();
    const opened = await open('edited.xlsx', workbookOf(SIGNED, 'edited by hand'));
    expect(opened.check.status).toBe('cells-differ');
    expect(opened.check.differences[0]).toMatchObject({
      kind: 'cell',
      cell: 'A3',
      found: 'edited by hand',
    });
    const report = await call<{ html: string }>('workbooks:report', {
      key: opened.key,
      language: 'en-US',
    });
    if (!report.ok) throw new Error(report.error.message);
    const good = await open('good.xlsx', workbookOf(SIGNED));
    const goodReport = await call<{ html: string }>('workbooks:report', {
      key: good.key,
      language: 'en-US',
    });
    if (!goodReport.ok) throw new Error(goodReport.error.message);
    expect(goodReport.value.html).toContain(SIGNED.school.name);
    const VALID = 'Valid: the content is exactly what was signed';
    expect(goodReport.value.html).toContain(VALID);
    expect(report.value.html).not.toContain(VALID);
    expect(report.value.html).toContain('Does not hold: the content was changed after signing');
  });

  it('builds the report of a draft with the template the workbook carries, marked as a draft', async () => {
    const { call, open } = setUp();
    const opened = await open('draft.xlsx', workbookOf(DRAFT));
    expect(opened.check.status).toBe('draft');
    const report = await call<{ html: string }>('workbooks:report', {
      key: opened.key,
      language: 'zh-CN',
    });
    expect(report.ok && report.value.html).toContain('草稿');
  });

  it('refuses a file that is not a workbook with the reason, and an unknown key with a message', async () => {
    const { call, open } = setUp();
    const refused = await open('renamed.xlsx', Buffer.from('plain text, renamed'));
    expect(refused).toMatchObject({ opened: false, fileName: 'renamed.xlsx' });
    expect(refused.check.status).toBe('not-workbook');
    expect(refused.inspection).toBeUndefined();
    const unknown = await call('workbooks:get', { key: 'no-such-key' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'workbook-not-open' } });
    const closed = await call('workbooks:close', { key: 'no-such-key' });
    expect(closed).toEqual({ ok: true, value: null });
  });
});
