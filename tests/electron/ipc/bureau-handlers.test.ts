import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { downloadSaver } from '../../../electron/services/export/file-saver';
import type { FileSaver } from '../../../electron/services/export/file-saver';
import { confStoreFactory } from '../../../electron/services/json-store';
import { silentLogger } from '../../../electron/services/logger';
import { createServices } from '../../../electron/services/services';
import { feedbackSchema } from '../../../shared/bureau/feedback';
import { MAX_BUREAU_FILE_BYTES } from '../../../shared/bureau/limits';
import type { FileIntake } from '../../../shared/bureau/intake';
import type { Review } from '../../../shared/bureau/store-index';
import { contract } from '../../../shared/ipc/contract';
import type { BureauState } from '../../../shared/ipc/bureau';
import type { IpcResult } from '../../../shared/ipc/define';
import type { SaveOutcome } from '../../../shared/ipc/exports';
import { bureauSamples, workbookOf } from '../services/bureau/bureau-fixtures';
import { useTempDir } from '../temp-dir';

const BUREAU = { name: '清朗区教育局', district: '清朗区' };
const [one, two] = bureauSamples('all', 2, 'bureau-handlers').map((s) => workbookOf(s)) as [
  Buffer,
  Buffer,
];
const draft = workbookOf(bureauSamples('none', 1, 'bureau-handlers-draft')[0]!);
const b64 = (bytes: Buffer) => bytes.toString('base64');

type Added = { intake: FileIntake; alreadyReceived: boolean };

describe('the bureau handlers, through the door', () => {
  const tempDir = useTempDir();

  function setUp(options: { saver?: FileSaver; dataDir?: string } = {}) {
    const services = createServices({
      dataDir: options.dataDir ?? tempDir(),
      version: '0.0.0-test',
      shell: 'browser',
      storeFactory: confStoreFactory,
      log: silentLogger,
      saver: options.saver ?? downloadSaver,
    });
    services.settings.update({ role: 'bureau', bureau: BUREAU });
    const dispatch = createDispatcher({
      contract,
      handlers: createHandlers(services),
      locale: () => services.settings.get().language,
      log: silentLogger,
    });
    const call = <T>(channel: string, input?: unknown) =>
      dispatch(channel, input) as Promise<IpcResult<T>>;
    return { services, call };
  }
  const value = <T>(result: IpcResult<T>): T => {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  const failure = <T>(result: IpcResult<T>) => {
    if (result.ok) throw new Error('expected a failure');
    expect(result.error.message).not.toBe('');
    return result.error;
  };
  const accepted = async (call: ReturnType<typeof setUp>['call'], name: string, bytes: Buffer) => {
    const { intake } = value(
      await call<Added>('bureau:addFile', { fileName: name, dataBase64: b64(bytes) }),
    );
    if (intake.outcome !== 'accepted') throw new Error(intake.reason['en-US']);
    return intake;
  };

  it('adds files, says when one was already received, and shows the state with the counts', async () => {
    const dir = tempDir();
    const { call } = setUp({ dataDir: dir });
    const first = await accepted(call, '一中/检查工作簿.xlsx', one);
    const again = value(
      await call<Added>('bureau:addFile', { fileName: 'again.xlsx', dataBase64: b64(one) }),
    );
    expect(again).toEqual({ intake: first, alreadyReceived: true });
    await accepted(call, 'draft.xlsx', draft);
    const rejected = value(
      await call<Added>('bureau:addFile', {
        fileName: 'notes.xlsx',
        dataBase64: b64(Buffer.from('hello')),
      }),
    );
    expect(rejected.intake.outcome).toBe('rejected');
    const state = value(await call<BureauState>('bureau:state'));
    expect(state.submissions.map((s) => s.file)).toEqual(['一中/检查工作簿.xlsx', 'draft.xlsx']);
    expect(state.rejected.map((r) => r.file)).toEqual(['notes.xlsx']);
    expect(state.templates).toHaveLength(1);
    expect(state.counts).toEqual({ inspections: 0, submissions: 2 });
    expect(state.schools).toBeNull();
    // A restart keeps everything.
    const { call: later } = setUp({ dataDir: dir });
    expect(value(await later<BureauState>('bureau:state'))).toEqual(state);
    expect(value(await later('bureau:counts'))).toEqual({ inspections: 0, submissions: 2 });
  });

  it('answers bad input with a message in the user’s language, never a crash', async () => {
    const { call, services } = setUp();
    const wrong = failure(
      await call('bureau:addFile', { fileName: 'a.xlsx', dataBase64: '%%% not base64' }),
    );
    expect(wrong.code).toBe('invalid-input');
    const huge = 'A'.repeat(Math.ceil((MAX_BUREAU_FILE_BYTES * 4) / 3) + 100);
    expect(
      failure(await call('bureau:addFile', { fileName: 'a.xlsx', dataBase64: huge })).code,
    ).toBe('invalid-input');
    expect(
      failure(await call('bureau:addFile', { fileName: 'x'.repeat(1025), dataBase64: '' })).code,
    ).toBe('invalid-input');
    const empty = value(
      await call<Added>('bureau:addFile', { fileName: 'empty.xlsx', dataBase64: '' }),
    );
    expect(empty.intake.outcome).toBe('rejected');
    services.settings.update({ language: 'en-US' });
    const missing = failure(await call('bureau:remove', { sha256: 'a'.repeat(64) }));
    expect(missing).toMatchObject({
      code: 'bureau-submission-not-found',
      message: expect.stringMatching(/not in the bureau store/),
    });
    expect(failure(await call('bureau:review', { sha256: 'nope' })).code).toBe('invalid-input');
  });

  it('reviews, and saves the feedback of a returned submission as qinglang-feedback/1', async () => {
    const saved: { fileName: string; bytes: Uint8Array }[] = [];
    const answer: SaveOutcome = { kind: 'saved', path: '/chosen/file' };
    const saver: FileSaver = {
      save: (file) => {
        saved.push(file);
        return Promise.resolve(answer);
      },
      showInFolder: () => Promise.resolve(),
    };
    const { call } = setUp({ saver });
    const { sha256, submission } = await accepted(call, 'a.xlsx', one);
    const itemId = Object.keys(submission.items)[0]!;
    const noDecision = failure(await call('bureau:saveFeedback', { sha256, language: 'zh-CN' }));
    expect(noDecision.code).toBe('bureau-feedback-unavailable');
    const input = {
      sha256,
      decision: 'returned',
      comment: '请整改',
      items: [{ itemId, comment: '缺少记录' }],
      reviewer: '王科长',
    };
    const review = value(await call<Review>('bureau:review', input));
    const bad = failure(
      await call('bureau:review', { ...input, items: [{ itemId: 'zz_none', comment: 'x' }] }),
    );
    expect(bad.code).toBe('bureau-review-invalid');
    expect(value(await call('bureau:saveFeedback', { sha256, language: 'zh-CN' }))).toEqual(answer);
    const [file] = saved;
    expect(file!.fileName).toBe(
      `${submission.school.code}-${submission.period.year}-${submission.period.term}-教育局意见.qinglang-feedback.json`,
    );
    const feedback = feedbackSchema.parse(JSON.parse(Buffer.from(file!.bytes).toString('utf8')));
    expect(feedback).toMatchObject({
      bureau: BUREAU,
      decision: 'returned',
      comment: '请整改',
      items: [{ itemId, comment: '缺少记录' }],
      reviewedAt: review.reviewedAt,
      inspection: { id: submission.inspectionId, contentHash: submission.contentHash },
    });
    const state = value(await call<BureauState>('bureau:state'));
    expect(state.reviews[sha256]?.feedbackSavedAt).toBeDefined();
  });

  it('refuses feedback for a draft, and removes a submission', async () => {
    const { call } = setUp();
    const { sha256 } = await accepted(call, 'draft.xlsx', draft);
    value(
      await call('bureau:review', {
        sha256,
        decision: 'returned',
        comment: '',
        items: [],
        reviewer: '王科长',
      }),
    );
    expect(failure(await call('bureau:saveFeedback', { sha256, language: 'en-US' })).code).toBe(
      'bureau-feedback-unavailable',
    );
    expect(value(await call('bureau:remove', { sha256 }))).toBeNull();
    expect(value(await call<BureauState>('bureau:state')).submissions).toEqual([]);
  });

  it('exports the district summary workbook, named by the bureau’s district and the day', async () => {
    const { call } = setUp();
    await accepted(call, 'a.xlsx', one);
    await accepted(call, 'b.xlsx', two);
    value(
      await call('bureau:addFile', { fileName: 'bad.xlsx', dataBase64: b64(Buffer.from('x')) }),
    );
    const outcome = value(
      await call<SaveOutcome>('bureau:exportSummary', { language: 'zh-CN', allowDrafts: false }),
    );
    if (outcome.kind !== 'download') throw new Error(outcome.kind);
    expect(outcome.fileName).toMatch(/^清朗区-汇总-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = XLSX.read(Buffer.from(outcome.dataBase64, 'base64'));
    expect(book.SheetNames.length).toBeGreaterThan(3);
    value(await call('bureau:clearRejected'));
    expect(value(await call<BureauState>('bureau:state')).rejected).toEqual([]);
  });

  it('loads a list of schools, says which rows are wrong, keeps the last list when none is read, and clears it', async () => {
    const { call } = setUp();
    const csv =
      '学校标识码,学校名称,区县,学段\n3101010001,清朗一中,清朗区,初中\n,无代码学校,清朗区,初中\n';
    const read = value(
      await call<{ count: number; problems: { row: number }[] }>('bureau:loadSchools', {
        fileName: '名单.csv',
        dataBase64: b64(Buffer.from(csv, 'utf8')),
      }),
    );
    expect(read.count).toBe(1);
    expect(read.problems.length).toBeGreaterThan(0);
    const junk = value(
      await call<{ count: number }>('bureau:loadSchools', {
        fileName: 'junk.xlsx',
        dataBase64: b64(Buffer.from('not a list')),
      }),
    );
    expect(junk.count).toBe(0);
    expect(value(await call<BureauState>('bureau:state')).schools).toEqual([
      expect.objectContaining({ code: '3101010001', name: '清朗一中', stage: 'junior' }),
    ]);
    value(await call('bureau:clearSchools'));
    expect(value(await call<BureauState>('bureau:state')).schools).toBeNull();
  });
});
