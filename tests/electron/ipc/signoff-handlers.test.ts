import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { confStoreFactory } from '../../../electron/services/json-store';
import { silentLogger } from '../../../electron/services/logger';
import { createServices } from '../../../electron/services/services';
import { contract } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/define';
import type { EvidenceRef } from '../../../shared/inspection/schema';
import { item, template } from '../../shared/template/fixtures';
import { useTempDir } from '../temp-dir';
import { AUTUMN_2026, INSPECTOR, movingClock, PROFILE } from '../services/inspection-fixtures';

/** A 1 × 1 PNG: what a drawn signature's bytes start like. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Two required items: small enough to answer in a test, enough to block sign-off when not. */
const SMALL = {
  ...template([
    item('check', 'leader', { required: true }),
    item('yesno', 'budget', { required: true }),
  ]),
  id: 'signoff_test',
  version: '1',
};

describe('the signoff handlers, through the door', () => {
  const tempDir = useTempDir();

  async function setUp() {
    const dataDir = tempDir();
    const services = createServices({
      dataDir,
      version: '0.0.0-test',
      shell: 'browser',
      storeFactory: confStoreFactory,
      log: silentLogger,
      now: movingClock().now,
    });
    services.settings.update({ profile: PROFILE, inspector: INSPECTOR, language: 'en-US' });
    services.templates.install(SMALL);
    const dispatch = createDispatcher({
      contract,
      handlers: createHandlers(services),
      locale: () => services.settings.get().language,
      log: silentLogger,
    });
    const call = async <T = unknown>(channel: string, input?: unknown) =>
      (await dispatch(channel, input)) as IpcResult<T>;
    const { id } = services.inspections.create({
      template: { id: SMALL.id, version: SMALL.version },
      period: AUTUMN_2026,
      inspector: INSPECTOR,
    });
    const store = (bytes: Buffer, name: string, type: string) =>
      services.evidence.addStream(Readable.from([bytes]), name, type);
    return { dataDir, services, call, id, store };
  }

  const request = (image: EvidenceRef, extra: object = {}) => ({
    signer: '王校长',
    title: '校长',
    // The day before the clock's, so it is not after "today" in any time zone.
    date: '2026-11-28',
    method: 'drawn',
    image,
    ...extra,
  });

  async function readyToSign() {
    const world = await setUp();
    world.services.inspections.update(world.id, [
      { kind: 'answer', itemId: 'leader', value: 'compliant' },
      { kind: 'answer', itemId: 'budget', value: 'yes' },
      { kind: 'state', to: 'ready' },
    ]);
    return world;
  }

  it('refuses ready while anything blocks sign-off, saying so in the language chosen', async () => {
    const { call, id } = await setUp();
    const result = await call('inspections:update', {
      id,
      changes: [{ kind: 'state', to: 'ready' }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'signoff-blocked' } });
    if (!result.ok) expect(result.error.message).toMatch(/2 things need fixing/);
  });

  it('signs with a key made on first use, the image typed by its bytes, then locks every channel', async () => {
    const { call, id, store, services } = await readyToSign();
    expect(await call('signoff:key')).toEqual({ ok: true, value: { state: 'none', history: [] } });
    // Said to be a JPEG; its bytes say PNG, and the bytes are believed.
    const image = await store(PNG, '签名.png', 'image/jpeg');
    const signed = await call('signoff:sign', {
      id,
      request: request({ ...image, type: 'image/jpeg' }),
    });
    expect(signed).toMatchObject({ ok: true });
    const key = await call<{ state: string; fingerprint: string }>('signoff:key');
    expect(key).toMatchObject({ ok: true, value: { state: 'ok' } });
    if (!key.ok) return;
    expect(await call('signoff:check', { id })).toMatchObject({
      ok: true,
      value: { status: 'valid', ownKey: true, fingerprint: key.value.fingerprint },
    });
    expect(services.inspections.get(id).signoff?.image.type).toBe('image/png');

    const refused = await call('inspections:update', {
      id,
      changes: [{ kind: 'answer', itemId: 'budget', value: 'no' }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'inspection-signed' } });
    expect(await call('signoff:sign', { id, request: request(image) })).toMatchObject({
      ok: false,
      error: { code: 'inspection-signed' },
    });
  });

  it('reopens with a reason, and signs again', async () => {
    const { call, id, store, services } = await readyToSign();
    const image = await store(PNG, '签名.png', 'image/png');
    await call('signoff:sign', { id, request: request(image) });
    expect(await call('signoff:reopen', { id, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await call('signoff:reopen', { id, reason: '补充材料' })).toMatchObject({ ok: true });
    expect(await call('signoff:check', { id })).toEqual({
      ok: true,
      value: { status: 'unsigned' },
    });
    services.inspections.update(id, [{ kind: 'state', to: 'ready' }]);
    expect(await call('signoff:sign', { id, request: request(image) })).toMatchObject({ ok: true });
    expect(services.inspections.get(id).reopened).toHaveLength(1);
  });

  it('refuses an image that is not in the data folder, or not a picture of a signature', async () => {
    const { call, id, store } = await readyToSign();
    const nowhere = {
      sha256: 'cd'.repeat(32),
      name: 'x.png',
      size: 1,
      type: 'image/png',
      addedAt: '2026-11-29T00:00:00.000Z',
    };
    expect(await call('signoff:sign', { id, request: request(nowhere) })).toMatchObject({
      ok: false,
      error: { code: 'evidence-not-found' },
    });
    const text = await store(Buffer.from('not a picture'), 'sig.png', 'image/png');
    expect(await call('signoff:sign', { id, request: request(text) })).toMatchObject({
      ok: false,
      error: { code: 'signoff-refused', message: 'A drawn signature must be a PNG.' },
    });
  });

  it('shows a stored file edited on disk after signing as changed, and never re-signs it', async () => {
    const { call, id, store, dataDir } = await readyToSign();
    const image = await store(PNG, '签名.png', 'image/png');
    await call('signoff:sign', { id, request: request(image) });
    const file = path.join(dataDir, 'inspections', `${id}.json`);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      inspection: { answers: Record<string, { value: string }> };
    };
    stored.inspection.answers.budget!.value = 'no';
    fs.writeFileSync(file, JSON.stringify(stored));
    // A fresh start reads the edited file.
    const again = createServices({
      dataDir,
      version: '0.0.0-test',
      shell: 'browser',
      storeFactory: confStoreFactory,
      log: silentLogger,
    });
    const dispatch = createDispatcher({
      contract,
      handlers: createHandlers(again),
      locale: () => 'en-US',
      log: silentLogger,
    });
    expect(await dispatch('signoff:check', { id })).toMatchObject({
      ok: true,
      value: { status: 'changed' },
    });
    expect(again.inspections.get(id).state).toBe('signed');
    expect(
      await dispatch('inspections:update', {
        id,
        changes: [{ kind: 'answer', itemId: 'budget', value: 'yes' }],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'inspection-signed' },
    });
  });

  it('asks before replacing a lost key, and replaces it only when told', async () => {
    const { call, id, store, dataDir } = await readyToSign();
    const image = await store(PNG, '签名.png', 'image/png');
    await call('signoff:sign', { id, request: request(image) });
    await call('signoff:reopen', { id, reason: '换密钥测试' });
    await call('inspections:update', { id, changes: [{ kind: 'state', to: 'ready' }] });
    fs.rmSync(path.join(dataDir, 'keys', 'signing-key.pem'));
    expect(await call('signoff:sign', { id, request: request(image) })).toMatchObject({
      ok: false,
      error: { code: 'signing-key-missing' },
    });
    expect(await call('signoff:key')).toMatchObject({ ok: true, value: { state: 'missing' } });
    expect(await call('signoff:replaceKey')).toMatchObject({ ok: true, value: { state: 'ok' } });
    expect(await call('signoff:sign', { id, request: request(image) })).toMatchObject({ ok: true });
  });
});
