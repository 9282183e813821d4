import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { confStoreFactory } from '../../../electron/services/json-store';
import { silentLogger } from '../../../electron/services/logger';
import { sampleData } from '../../../electron/services/sample-data';
import { createServices } from '../../../electron/services/services';
import { MAX_FEEDBACK_BYTES } from '../../../shared/bureau/review-rules';
import { contract } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/define';
import { useTempDir } from '../temp-dir';
import { feedbackAbout } from '../services/bureau-reviews/feedback-fixtures';
import { INSPECTOR, movingClock, PROFILE } from '../services/inspection-fixtures';

const [SAMPLE] = sampleData({ count: 1, seed: 'review-door', asOf: '2026-11-30', signing: 'all' });
const SIGNED = SAMPLE!.inspection;
const FEEDBACK = feedbackAbout(SIGNED, { comment: '请补充。', items: [] });
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('the bureauReviews handlers, through the door', () => {
  const tempDir = useTempDir();

  function setUp() {
    const services = createServices({
      dataDir: tempDir(),
      version: '0.0.0-test',
      shell: 'browser',
      storeFactory: confStoreFactory,
      log: silentLogger,
      now: movingClock().now,
    });
    services.settings.update({ profile: PROFILE, inspector: INSPECTOR, language: 'en-US' });
    services.inspections.add([SIGNED]);
    const dispatch = createDispatcher({
      contract,
      handlers: createHandlers(services),
      locale: () => services.settings.get().language,
      log: silentLogger,
    });
    return async <T = unknown>(channel: string, input?: unknown) =>
      (await dispatch(channel, input)) as IpcResult<T>;
  }

  it('imports, lists, summarises and archives', async () => {
    const call = setUp();
    const imported = await call('bureauReviews:import', {
      fileName: 'feedback.json',
      dataBase64: base64(JSON.stringify(FEEDBACK)),
    });
    expect(imported).toMatchObject({ ok: true, value: { status: 'imported', version: 'current' } });
    const list = await call<{ sha256: string }[]>('bureauReviews:list', { id: SIGNED.id });
    expect(list.ok && list.value).toHaveLength(1);
    const sha256 = list.ok ? list.value[0]!.sha256 : '';
    expect(await call('bureauReviews:latest')).toMatchObject({
      ok: true,
      value: [{ inspectionId: SIGNED.id, decision: 'returned', itemComments: 0 }],
    });
    expect(await call('bureauReviews:dismiss', { id: SIGNED.id, sha256 })).toEqual({
      ok: true,
      value: null,
    });
    expect(await call('bureauReviews:latest')).toEqual({ ok: true, value: [] });
  });

  it('answers garbage with a refusal in both languages, never a crash', async () => {
    const call = setUp();
    const garbage = await call('bureauReviews:import', {
      fileName: 'x.json',
      dataBase64: base64('PK\u0003\u0004 not json at all'),
    });
    expect(garbage).toMatchObject({ ok: true, value: { status: 'refused' } });
  });

  it('refuses input the contract does not allow: oversized, a path for an id, a bad hash', async () => {
    const call = setUp();
    const huge = await call('bureauReviews:import', {
      fileName: 'big.json',
      dataBase64: 'A'.repeat(Math.ceil((MAX_FEEDBACK_BYTES * 4) / 3) + 100),
    });
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('bureauReviews:list', { id: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(
      await call('bureauReviews:dismiss', { id: SIGNED.id, sha256: '../settings' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
