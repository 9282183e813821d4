import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScanSummary } from '../../../shared/ipc/scan';
import type { ScanReport } from '../../../shared/scan/finding';
import type { ScanRunStatus } from '../../../shared/scan/progress';
import { decodeWordList, POLL_MS, useScanStore } from '../../../renderer/stores/scan-store';
import { installFakeApi } from '../fake-api';
import { blankInspection, catchDownloads, TEMPLATE } from '../fixtures';

const INSPECTION_ID = '7d0c1f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';
const SCAN_ID = '0b6f3b7e-8a64-4a3b-9a52-3c1f4d2e5a61';
const RUN_ID = 'c2a1e0d4-5b6a-4f3e-8d2c-1b0a9f8e7d6c';
const TOKEN = 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9';

const REPORT: ScanReport = {
  format: 'qinglang-scan-report/1',
  appVersion: '9.9.9',
  id: SCAN_ID,
  source: { kind: 'folder', name: 'site-copy' },
  ownHosts: ['www.xxzx.edu.cn'],
  words: null,
  startedAt: '2026-11-30T08:00:00.000Z',
  finishedAt: '2026-11-30T08:00:05.000Z',
  complete: true,
  totals: { scanned: 3, bytes: 4096, skipped: 0 },
  findings: [
    {
      id: 'id-number:1',
      detector: 'id-number',
      source: 'news/list.html',
      line: 12,
      column: 5,
      match: '110***********1234',
      context: '张三 110***********1234 初二',
      state: 'open',
    },
    {
      id: 'phone:2',
      detector: 'phone',
      source: 'news/list.html',
      line: 13,
      column: 5,
      match: '138****5678',
      context: '电话 138****5678',
      state: 'open',
    },
  ],
  findingsDropped: 0,
  notes: [],
  notesDropped: 0,
};

const SUMMARY: ScanSummary = {
  id: SCAN_ID,
  source: REPORT.source,
  startedAt: REPORT.startedAt,
  finishedAt: REPORT.finishedAt,
  complete: true,
  scanned: 3,
  byDetector: { 'id-number': 1, phone: 1 },
  byState: { open: 2, fixed: 0, 'false-positive': 0 },
  attached: null,
};

function status(state: ScanRunStatus['state'], scanned: number): ScanRunStatus {
  return {
    state,
    progress: {
      phase: state === 'running' ? 'reading' : 'done',
      scanned,
      total: 3,
      bytes: scanned * 1000,
      findings: scanned,
      current: state === 'running' ? 'news/list.html' : '',
    },
    scanId: state === 'running' ? null : SCAN_ID,
    error: null,
  };
}

const ok = (value: unknown) => ({ ok: true as const, value });

/** The Node side of the scan channels, in memory: records each call, answers as told. */
function fakeNode(options: { statuses?: ScanRunStatus[]; signed?: boolean } = {}) {
  const calls: [string, unknown][] = [];
  const statuses = [...(options.statuses ?? [status('done', 3)])];
  let scans: ScanSummary[] = [];
  const inspection = blankInspection(INSPECTION_ID);
  const record = (name: string, answer: (input: unknown) => ReturnType<typeof ok>) => ({
    [`scan:${name}`]: (input: unknown) => {
      calls.push([name, input]);
      return answer(input);
    },
  });
  installFakeApi({
    answers: {
      'inspections:get': () => ok(options.signed ? { ...inspection, state: 'signed' } : inspection),
      'templates:get': () => ok(TEMPLATE),
      ...record('list', () => ok(scans)),
      ...record('pickFolder', () => ok({ token: TOKEN, name: 'site-copy' })),
      ...record('checkWords', () => ok({ terms: 2, categories: ['赌博'], problems: [] })),
      ...record('start', () => {
        scans = [SUMMARY];
        return ok({ runId: RUN_ID });
      }),
      ...record('status', () => ok(statuses.length > 1 ? statuses.shift() : statuses[0])),
      ...record('cancel', () => ok(null)),
      ...record('get', () => ok(REPORT)),
      ...record('mark', () =>
        ok({ ...SUMMARY, byState: { open: 1, fixed: 0, 'false-positive': 1 } }),
      ),
      ...record('exportWorkbook', () =>
        ok({ kind: 'download', fileName: 'content-review.xlsx', dataBase64: btoa('PK') }),
      ),
      ...record('remove', () => ok(null)),
    },
  });
  return { calls, names: () => calls.map(([name]) => name) };
}

describe('the scan store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    useScanStore.getState().close();
    vi.useRealTimers();
  });

  it('opens an inspection with its template and saved scans', async () => {
    const node = fakeNode();
    await useScanStore.getState().open(INSPECTION_ID);
    const state = useScanStore.getState();
    expect(state.inspection?.id).toBe(INSPECTION_ID);
    expect(state.template?.id).toBe(TEMPLATE.id);
    expect(state.scans).toEqual([]);
    expect(node.calls).toContainEqual(['list', { inspectionId: INSPECTION_ID }]);
  });

  it('starts a folder scan with the word list read, polls until it ends, then shows the saved scan', async () => {
    const node = fakeNode({
      statuses: [status('running', 1), status('running', 2), status('done', 3)],
    });
    const store = useScanStore.getState();
    await store.open(INSPECTION_ID);
    await store.pickFolder();
    await store.readWords(new File(['赌博\t赌博\n博彩\t赌博\n'], 'words.txt'));
    await useScanStore.getState().start({ kind: 'folder', ownHosts: ['www.xxzx.edu.cn'] });
    expect(node.calls).toContainEqual([
      'start',
      {
        inspectionId: INSPECTION_ID,
        source: { kind: 'folder', token: TOKEN },
        ownHosts: ['www.xxzx.edu.cn'],
        words: { name: 'words.txt', text: '赌博\t赌博\n博彩\t赌博\n' },
      },
    ]);
    expect(useScanStore.getState().run?.status.state).toBe('running');
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(useScanStore.getState().run?.status.progress.scanned).toBe(1);
    await vi.advanceTimersByTimeAsync(POLL_MS * 2);
    const state = useScanStore.getState();
    expect(state.run?.status.state).toBe('done');
    expect(state.report).toEqual(REPORT);
    expect(state.scans).toEqual([SUMMARY]);
    // Once the run has ended nobody asks again.
    const asked = node.names().filter((n) => n === 'status').length;
    await vi.advanceTimersByTimeAsync(POLL_MS * 5);
    expect(node.names().filter((n) => n === 'status')).toHaveLength(asked);
  });

  it('stops asking when the page closes, and follows the run again when it comes back', async () => {
    const node = fakeNode({ statuses: [status('running', 1)] });
    await useScanStore.getState().open(INSPECTION_ID);
    await useScanStore.getState().pickFolder();
    await useScanStore.getState().start({ kind: 'folder', ownHosts: [] });
    await vi.advanceTimersByTimeAsync(POLL_MS);
    useScanStore.getState().close();
    const asked = node.names().filter((n) => n === 'status').length;
    await vi.advanceTimersByTimeAsync(POLL_MS * 5);
    expect(node.names().filter((n) => n === 'status')).toHaveLength(asked);
    expect(useScanStore.getState().run).toBeNull();

    await useScanStore.getState().open(INSPECTION_ID);
    expect(useScanStore.getState().run?.runId).toBe(RUN_ID);
    await useScanStore.getState().cancel();
    expect(node.calls.at(-1)).toEqual(['cancel', { runId: RUN_ID }]);
  });

  it('sends a site scan with the hosts it may fetch from', async () => {
    const node = fakeNode();
    await useScanStore.getState().open(INSPECTION_ID);
    await useScanStore.getState().start({
      kind: 'site',
      start: 'http://127.0.0.1:8123/',
      hosts: ['127.0.0.1:8123'],
      ownHosts: ['127.0.0.1:8123'],
    });
    expect(node.calls).toContainEqual([
      'start',
      {
        inspectionId: INSPECTION_ID,
        source: { kind: 'site', start: 'http://127.0.0.1:8123/', hosts: ['127.0.0.1:8123'] },
        ownHosts: ['127.0.0.1:8123'],
        words: null,
      },
    ]);
  });

  it('does not start a folder scan before a folder is chosen', async () => {
    const node = fakeNode();
    await useScanStore.getState().open(INSPECTION_ID);
    await useScanStore.getState().start({ kind: 'folder', ownHosts: [] });
    expect(node.names()).not.toContain('start');
  });

  it('marks findings at once and keeps the summary the Node side returns', async () => {
    const node = fakeNode();
    await useScanStore.getState().open(INSPECTION_ID);
    await useScanStore.getState().show(SCAN_ID);
    await useScanStore.getState().mark(['phone:2'], 'false-positive');
    expect(node.calls.at(-1)).toEqual([
      'mark',
      {
        inspectionId: INSPECTION_ID,
        scanId: SCAN_ID,
        findingIds: ['phone:2'],
        state: 'false-positive',
      },
    ]);
    expect(useScanStore.getState().report?.findings.map((f) => f.state)).toEqual([
      'open',
      'false-positive',
    ]);
  });

  it('puts the stored marks back when a mark is refused, and says why', async () => {
    const node = fakeNode();
    await useScanStore.getState().open(INSPECTION_ID);
    await useScanStore.getState().show(SCAN_ID);
    const { invoke } = installFakeApi({
      answers: {
        'scan:mark': () => ({
          ok: false,
          error: { code: 'scan-not-found', message: '找不到这次检查，它可能已被移除。' },
        }),
        'scan:get': () => ok(REPORT),
      },
    });
    await useScanStore.getState().mark(['id-number:1'], 'fixed');
    expect(useScanStore.getState().error).toBe('找不到这次检查，它可能已被移除。');
    expect(useScanStore.getState().report?.findings[0]?.state).toBe('open');
    expect(invoke).toHaveBeenCalledWith('scan:get', {
      inspectionId: INSPECTION_ID,
      scanId: SCAN_ID,
    });
    expect(node.names()).not.toContain('mark');
  });

  it('downloads the exported workbook in the harness', async () => {
    fakeNode();
    await useScanStore.getState().open(INSPECTION_ID);
    await useScanStore.getState().show(SCAN_ID);
    const downloads = catchDownloads();
    try {
      await expect(useScanStore.getState().exportWorkbook('en-US')).resolves.toEqual({
        kind: 'downloaded',
        fileName: 'content-review.xlsx',
      });
      expect(downloads.downloads.map((d) => d.name)).toEqual(['content-review.xlsx']);
    } finally {
      downloads.restore();
    }
  });

  it('removes a scan from the list and stops showing it', async () => {
    const node = fakeNode();
    await useScanStore.getState().open(INSPECTION_ID);
    await useScanStore.getState().pickFolder();
    await useScanStore.getState().start({ kind: 'folder', ownHosts: [] });
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(useScanStore.getState().report?.id).toBe(SCAN_ID);
    await useScanStore.getState().remove(SCAN_ID);
    expect(node.calls.at(-1)).toEqual(['remove', { inspectionId: INSPECTION_ID, scanId: SCAN_ID }]);
    expect(useScanStore.getState().scans).toEqual([]);
    expect(useScanStore.getState().report).toBeNull();
  });
});

describe('reading a word list', () => {
  it('reads UTF-8, and GB18030 when the bytes are not UTF-8', () => {
    expect(decodeWordList(new TextEncoder().encode('\uFEFF赌博\n'))).toEqual({
      text: '赌博\n',
      encoding: 'utf-8',
    });
    // 赌博 in GB18030 (GBK): B6 C4 B2 A9.
    expect(decodeWordList(new Uint8Array([0xb6, 0xc4, 0xb2, 0xa9, 0x0a]))).toEqual({
      text: '赌博\n',
      encoding: 'gb18030',
    });
  });

  it('refuses a binary file', async () => {
    expect(decodeWordList(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBeNull();
    fakeNode();
    await useScanStore.getState().readWords(new File([new Uint8Array([1, 0, 2, 0])], 'x.bin'));
    expect(useScanStore.getState().words).toEqual({ kind: 'not-text', name: 'x.bin' });
  });
});
