import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BureauState } from '../../../shared/ipc/bureau';
import { MAX_BUREAU_FILE_BYTES } from '../../../shared/bureau/limits';
import { useBureauStore } from '../../../renderer/stores/bureau-store';
import { installFakeApi } from '../fake-api';
import { catchDownloads } from '../fixtures';
import { bureauState, SHA_A, stored, submissionOf } from '../bureau-fixtures';

const bi = (zh: string, en: string) => ({ 'zh-CN': zh, 'en-US': en });

/** The Node side: files named "bad…" are rejected, "again…" already received, the rest taken. */
function fakeNode(options: { onAdd?: (name: string) => void; failOn?: string } = {}) {
  let state: BureauState = bureauState();
  const calls: [string, unknown][] = [];
  const ok = (value: unknown) => ({ ok: true as const, value });
  installFakeApi({
    answers: {
      'bureau:state': () => ok(state),
      'bureau:counts': () => ok(state.counts),
      'bureau:addFile': (input) => {
        const { fileName, dataBase64 } = input as { fileName: string; dataBase64: string };
        calls.push(['addFile', { fileName, bytes: atob(dataBase64) }]);
        options.onAdd?.(fileName);
        if (fileName === options.failOn)
          return { ok: false, error: { code: 'internal', message: '读取时出错' } };
        if (fileName.includes('bad'))
          return ok({
            intake: {
              outcome: 'rejected',
              file: fileName,
              size: 3,
              status: 'not-workbook',
              reason: bi('不是 Excel 工作簿', 'not an Excel workbook'),
            },
            alreadyReceived: false,
          });
        const intake = stored('3'.repeat(64), submissionOf('2100000003', '滨江区', 'senior', {}));
        return ok({
          intake: { ...intake, file: fileName },
          alreadyReceived: fileName.includes('again'),
        });
      },
      'bureau:review': (input) => {
        calls.push(['review', input]);
        const { sha256, ...rest } = input as { sha256: string; decision: 'returned' };
        const review = { ...rest, reviewedAt: '2026-12-01T08:00:00.000Z' } as never;
        state = { ...state, reviews: { ...state.reviews, [sha256]: review } };
        return ok(review);
      },
      'bureau:saveFeedback': (input) => {
        calls.push(['saveFeedback', input]);
        return ok({ kind: 'download', fileName: 'feedback.json', dataBase64: btoa('{}') });
      },
      'bureau:exportSummary': (input) => {
        calls.push(['exportSummary', input]);
        return ok({ kind: 'saved', path: 'D:\\汇总.xlsx' });
      },
      'bureau:loadSchools': (input) => {
        calls.push(['loadSchools', (input as { fileName: string }).fileName]);
        state = {
          ...state,
          schools: [{ code: '2100000009', name: '未报送小学', district: '云溪区' }],
        };
        return ok({ count: 1, problems: [] });
      },
      'bureau:clearSchools': () => {
        state = { ...state, schools: null };
        return ok(null);
      },
      'bureau:clearRejected': () => ok(null),
      'bureau:remove': () => ok(null),
    },
  });
  return calls;
}

const file = (name: string, text = 'PK..', relative = '') => {
  const f = new File([text], name.split('/').pop()!);
  if (relative) Object.defineProperty(f, 'webkitRelativePath', { value: relative });
  return f;
};

describe('the bureau store', () => {
  beforeEach(() => {
    useBureauStore.setState({
      state: null,
      district: null,
      progress: null,
      lastImport: null,
      busy: null,
      allowDrafts: false,
      loadError: null,
    });
  });

  it('loads what the Node side keeps and merges it into the district', async () => {
    fakeNode();
    await useBureauStore.getState().load();
    const { district } = useBureauStore.getState();
    expect(district?.schools.map((s) => s.code)).toEqual(['2100000001', '2100000002']);
    expect(district?.items.find((i) => i.id === 'org_plan')?.nonCompliant).toBe(1);
  });

  it('says why it could not load, in the message the Node side wrote', async () => {
    installFakeApi({
      answers: {
        'bureau:state': () => ({
          ok: false,
          error: { code: 'internal', message: '汇总数据无法读取' },
        }),
      },
    });
    await useBureauStore.getState().load();
    expect(useBureauStore.getState().loadError).toBe('汇总数据无法读取');
  });

  it('sends workbooks and packages one at a time under their folder path, and lists every file', async () => {
    const seen: number[] = [];
    const calls = fakeNode({ onAdd: () => seen.push(useBureauStore.getState().progress!.done) });
    const big = file('huge.xlsx');
    Object.defineProperty(big, 'size', { value: MAX_BUREAU_FILE_BYTES + 1 });
    const rows = await useBureauStore
      .getState()
      .importFiles([
        file('a.xlsx', 'one', '收到/a.xlsx'),
        file('notes.txt'),
        file('bad.xlsx', 'text'),
        big,
        file('again.zip'),
      ]);
    expect(calls.filter(([c]) => c === 'addFile')).toEqual([
      ['addFile', { fileName: '收到/a.xlsx', bytes: 'one' }],
      ['addFile', { fileName: 'bad.xlsx', bytes: 'text' }],
      ['addFile', { fileName: 'again.zip', bytes: 'PK..' }],
    ]);
    // One at a time: each file is sent after the one before it is done.
    expect(seen).toEqual([0, 1, 2]);
    expect(rows.map((r) => [r.file, r.outcome])).toEqual([
      ['收到/a.xlsx', 'accepted'],
      ['notes.txt', 'skipped'],
      ['bad.xlsx', 'rejected'],
      ['huge.xlsx', 'too-large'],
      ['again.zip', 'already'],
    ]);
    expect(rows[2]!.reason).toEqual(bi('不是 Excel 工作簿', 'not an Excel workbook'));
    expect(useBureauStore.getState().progress).toBeNull();
    expect(useBureauStore.getState().lastImport).toEqual(rows);
  });

  it('stops after the file being read when cancelled, and lists only what was read', async () => {
    const calls = fakeNode({
      onAdd: (name) => {
        if (name === 'b.xlsx') useBureauStore.getState().cancelImport();
      },
    });
    const rows = await useBureauStore
      .getState()
      .importFiles([file('a.xlsx'), file('b.xlsx'), file('c.xlsx')]);
    expect(
      calls.filter(([c]) => c === 'addFile').map(([, v]) => (v as { fileName: string }).fileName),
    ).toEqual(['a.xlsx', 'b.xlsx']);
    expect(rows.map((r) => r.file)).toEqual(['a.xlsx', 'b.xlsx']);
  });

  it('keeps going when one file fails at the door, with the message for it', async () => {
    fakeNode({ failOn: 'b.xlsx' });
    const rows = await useBureauStore.getState().importFiles([file('b.xlsx'), file('c.xlsx')]);
    expect(rows.map((r) => [r.outcome, r.message])).toEqual([
      ['failed', '读取时出错'],
      ['accepted', undefined],
    ]);
  });

  it('records a review and shows it at once', async () => {
    const calls = fakeNode();
    await useBureauStore.getState().load();
    await useBureauStore.getState().review(SHA_A, {
      decision: 'returned',
      comment: '',
      items: [{ itemId: 'org_plan', comment: '请补充预案' }],
      reviewer: '王科长',
    });
    expect(calls).toContainEqual([
      'review',
      {
        sha256: SHA_A,
        decision: 'returned',
        comment: '',
        items: [{ itemId: 'org_plan', comment: '请补充预案' }],
        reviewer: '王科长',
      },
    ]);
    expect(useBureauStore.getState().state?.reviews[SHA_A]?.decision).toBe('returned');
  });

  describe('saving files', () => {
    let downloads: ReturnType<typeof catchDownloads>;
    beforeEach(() => {
      downloads = catchDownloads();
    });
    afterEach(() => downloads.restore());

    it('downloads the feedback file in the harness, in the language asked for', async () => {
      const calls = fakeNode();
      const result = await useBureauStore.getState().saveFeedback(SHA_A, 'en-US');
      expect(result).toEqual({ kind: 'downloaded', fileName: 'feedback.json' });
      expect(calls).toContainEqual(['saveFeedback', { sha256: SHA_A, language: 'en-US' }]);
      expect(downloads.downloads.map((d) => d.name)).toEqual(['feedback.json']);
      expect(useBureauStore.getState().busy).toBeNull();
    });

    it('exports the summary with the drafts choice, and says where it was saved', async () => {
      const calls = fakeNode();
      await useBureauStore.getState().load();
      useBureauStore.getState().setAllowDrafts(true);
      const result = await useBureauStore.getState().exportSummary('zh-CN');
      expect(result).toEqual({ kind: 'saved', path: 'D:\\汇总.xlsx' });
      expect(calls).toContainEqual(['exportSummary', { language: 'zh-CN', allowDrafts: true }]);
      expect(downloads.downloads).toEqual([]);
    });
  });

  it('loads and clears the school list, and names the schools that sent nothing', async () => {
    fakeNode();
    await useBureauStore.getState().load();
    await useBureauStore.getState().loadSchools(file('名单.csv', 'code,name'));
    expect(useBureauStore.getState().district?.missing.map((s) => s.code)).toEqual(['2100000009']);
    await useBureauStore.getState().clearSchools();
    expect(useBureauStore.getState().district?.missing).toEqual([]);
  });
});
