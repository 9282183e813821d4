import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_WORKBOOK_BYTES } from '../../../shared/workbook/opened';
import type { WorkbookCheck } from '../../../shared/workbook/verdict';
import { useReportStore } from '../../../renderer/stores/report-store';
import { useWorkbookStore } from '../../../renderer/stores/workbook-store';
import { installFakeApi } from '../fake-api';
import { blankInspection, TEMPLATE } from '../fixtures';

const KEY = '5b0a7c4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';
const INSPECTION = blankInspection('7d0c1f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a');

const check = (status: WorkbookCheck['status'], zh: string, en: string): WorkbookCheck => ({
  status,
  reason: { 'zh-CN': zh, 'en-US': en },
  differences: [],
  differenceCount: 0,
});
const DRAFT = check('draft', '未签字的草稿', 'an unsigned draft');
const NOT_WORKBOOK = check('not-workbook', '不是 Excel 工作簿（.xlsx）', 'not an Excel workbook');

/** The Node side: one workbook it keeps; files whose name starts "bad" are refused. */
function fakeNode() {
  const calls: [string, unknown][] = [];
  const opened = {
    opened: true,
    key: KEY,
    fileName: 'school.xlsx',
    check: DRAFT,
    inspection: INSPECTION,
    template: TEMPLATE,
  };
  installFakeApi({
    answers: {
      'workbooks:open': (input) => {
        const { fileName, dataBase64 } = input as { fileName: string; dataBase64: string };
        calls.push(['open', { fileName, bytes: atob(dataBase64) }]);
        return fileName.startsWith('bad')
          ? { ok: true, value: { opened: false, fileName, check: NOT_WORKBOOK } }
          : { ok: true, value: { ...opened, fileName } };
      },
      'workbooks:get': (input) => {
        calls.push(['get', input]);
        return (input as { key: string }).key === KEY
          ? { ok: true, value: opened }
          : {
              ok: false,
              error: { code: 'workbook-not-open', message: '这份工作簿已不再打开' },
            };
      },
      'workbooks:close': (input) => {
        calls.push(['close', input]);
        return { ok: true, value: null };
      },
      'workbooks:report': (input) => {
        calls.push(['report', input]);
        return { ok: true, value: { html: '<p>workbook report</p>' } };
      },
    },
  });
  return calls;
}

describe('the workbook store', () => {
  beforeEach(() => {
    useWorkbookStore.setState({ current: null, refusal: null, loadError: null, opening: false });
  });

  it('sends a picked file to be opened and holds what it carries, with what checking it found', async () => {
    const calls = fakeNode();
    const key = await useWorkbookStore.getState().openFile(new File(['PK bytes'], 'school.xlsx'));
    expect(key).toBe(KEY);
    expect(calls).toEqual([['open', { fileName: 'school.xlsx', bytes: 'PK bytes' }]]);
    const { current, opening } = useWorkbookStore.getState();
    expect(opening).toBe(false);
    expect(current).toMatchObject({ key: KEY, fileName: 'school.xlsx', check: DRAFT });
    expect(current?.inspection.id).toBe(INSPECTION.id);
    // Shown by its address: no second call for the one just opened.
    await useWorkbookStore.getState().show(KEY);
    expect(calls).toHaveLength(1);
  });

  it('keeps why a file could not be opened, and opens nothing', async () => {
    fakeNode();
    const key = await useWorkbookStore.getState().openFile(new File(['text'], 'bad.xlsx'));
    expect(key).toBeNull();
    expect(useWorkbookStore.getState().current).toBeNull();
    expect(useWorkbookStore.getState().refusal).toEqual({
      kind: 'refused',
      fileName: 'bad.xlsx',
      reason: NOT_WORKBOOK.reason,
    });
    useWorkbookStore.getState().dismissRefusal();
    expect(useWorkbookStore.getState().refusal).toBeNull();
  });

  it('refuses a file over the limit without reading it or calling the Node side', async () => {
    const calls = fakeNode();
    const huge = new File(['x'], 'huge.xlsx');
    Object.defineProperty(huge, 'size', { value: MAX_WORKBOOK_BYTES + 1 });
    expect(await useWorkbookStore.getState().openFile(huge)).toBeNull();
    expect(useWorkbookStore.getState().refusal).toMatchObject({
      kind: 'too-large',
      fileName: 'huge.xlsx',
    });
    expect(calls).toEqual([]);
  });

  it('asks again for a workbook named by its address, and says so when it is no longer open', async () => {
    const calls = fakeNode();
    await useWorkbookStore.getState().show(KEY);
    expect(useWorkbookStore.getState().current?.key).toBe(KEY);
    await useWorkbookStore.getState().show('forgotten');
    expect(useWorkbookStore.getState().current).toBeNull();
    expect(useWorkbookStore.getState().loadError).toBe('这份工作簿已不再打开');
    expect(calls.map(([name]) => name)).toEqual(['get', 'get']);
  });

  it('forgets a closed workbook here and on the Node side', async () => {
    const calls = fakeNode();
    await useWorkbookStore.getState().show(KEY);
    await useWorkbookStore.getState().close(KEY);
    expect(useWorkbookStore.getState().current).toBeNull();
    expect(calls.at(-1)).toEqual(['close', { key: KEY }]);
  });

  it("has the report store build an opened workbook's report, not an inspection's", async () => {
    const calls = fakeNode();
    await useReportStore.getState().load(KEY, 'en-US', true);
    expect(calls).toEqual([['report', { key: KEY, language: 'en-US' }]]);
    expect(useReportStore.getState().html).toBe('<p>workbook report</p>');
  });
});
