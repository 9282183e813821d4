import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/inspection/changes';
import { applyChanges } from '../../../shared/inspection/changes';
import type { EvidenceRef, Inspection } from '../../../shared/inspection/schema';
import type { KeyStatus } from '../../../shared/signing-key';
import type { IpcResult } from '../../../shared/ipc/define';
import { initI18n } from '../../../renderer/i18n/i18n';
import { useSignoffStore } from '../../../renderer/stores/signoff-store';
import { useWalkStore } from '../../../renderer/stores/walk-store';
import { installFakeApi, PROFILE } from '../fake-api';
import { blankInspection, TEMPLATE } from '../fixtures';

const ID = '7d0c1f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';
const FINGERPRINT = 'ab'.repeat(32);

const ref = (name: string, type: string, sha = 'c'.repeat(64)): EvidenceRef => ({
  sha256: sha,
  name,
  size: 10,
  type,
  addedAt: '2026-11-30T02:00:00.000Z',
});

const refused = (code: string, message: string): IpcResult<unknown> => ({
  ok: false,
  error: { code: code as 'internal', message },
});

type Answer = (input: unknown) => IpcResult<unknown>;

/**
 * A Node side in memory with one inspection: it records each call, keeps the inspection's
 * state, and answers the sign-off channels; `override` makes one fail.
 */
function fakeNode(override: Record<string, Answer> = {}) {
  let stored: Inspection = blankInspection(ID);
  const calls: { channel: string; input: unknown }[] = [];
  let key: KeyStatus = { state: 'none', history: [] };
  const record =
    (channel: string, answer: Answer): Answer =>
    (input) => {
      calls.push({ channel, input });
      return answer(input);
    };
  const answers: Record<string, Answer> = {
    'inspections:get': () => ({ ok: true, value: stored }),
    'templates:get': () => ({ ok: true, value: TEMPLATE }),
    'inspections:update': (input) => {
      const { changes } = input as { changes: Change[] };
      const result = applyChanges(stored, changes, '2026-11-30T02:00:00.000Z');
      if (result.ok) stored = result.inspection;
      return { ok: true, value: { updatedAt: stored.updatedAt } };
    },
    'evidence:add': (input) => {
      const { name } = input as { name: string };
      return { ok: true, value: ref(name, 'image/png', 'd'.repeat(64)) };
    },
    'signoff:sign': () => {
      stored = { ...stored, state: 'signed' };
      return { ok: true, value: { updatedAt: '2026-11-30T02:10:00.000Z' } };
    },
    'signoff:check': () => ({
      ok: true,
      value: {
        status: 'valid',
        fingerprint: FINGERPRINT,
        contentHash: 'e'.repeat(64),
        ownKey: true,
      },
    }),
    'signoff:reopen': () => {
      stored = { ...stored, state: 'draft' };
      return { ok: true, value: { updatedAt: '2026-11-30T03:00:00.000Z' } };
    },
    'signoff:key': () => ({ ok: true, value: key }),
    'signoff:replaceKey': () => {
      key = {
        state: 'ok',
        publicKey: 'MCowBQYDK2VwAyEA',
        fingerprint: FINGERPRINT,
        createdAt: '2026-11-30T03:00:00.000Z',
        history: [],
      };
      return { ok: true, value: key };
    },
  };
  for (const [channel, answer] of Object.entries({ ...answers, ...override })) {
    answers[channel] = record(channel, answer);
  }
  installFakeApi({ settings: { profile: PROFILE }, answers });
  return {
    calls,
    sent: (channel: string) => calls.filter((c) => c.channel === channel).map((c) => c.input),
    stored: () => stored,
    setKey: (next: KeyStatus) => (key = next),
  };
}

const DETAILS = { signer: ' 王校长 ', title: '校长 ', date: '2026-11-30', comment: '  ' };

describe('the sign-off store', () => {
  beforeEach(async () => {
    await initI18n('zh-CN');
    useSignoffStore.setState({ check: null, key: null });
  });
  afterEach(async () => {
    await useWalkStore.getState().close();
  });

  it('hands over after the edits on their way are stored, then shows the stored state', async () => {
    const node = fakeNode();
    await useWalkStore.getState().open(ID);
    useWalkStore.getState().apply([{ kind: 'note', itemId: 'org_policies', note: '已修订' }]);
    await expect(useSignoffStore.getState().handOver(ID, 'ready')).resolves.toEqual({ ok: true });
    const updates = node.sent('inspections:update') as { changes: Change[] }[];
    expect(updates.map((u) => u.changes[0]!.kind)).toEqual(['note', 'state']);
    expect(updates[1]!.changes).toEqual([{ kind: 'state', to: 'ready' }]);
    expect(useWalkStore.getState().inspection?.state).toBe('ready');
    await expect(useSignoffStore.getState().handOver(ID, 'draft')).resolves.toEqual({ ok: true });
    expect(useWalkStore.getState().inspection?.state).toBe('draft');
  });

  it('says why a hand-over was refused, in the Node side’s words, and still shows what is stored', async () => {
    fakeNode({
      'inspections:update': () =>
        refused('signoff-blocked', '还有 3 处问题需要先处理，才能交给校长签字。'),
    });
    await useWalkStore.getState().open(ID);
    await expect(useSignoffStore.getState().handOver(ID, 'ready')).resolves.toEqual({
      ok: false,
      code: 'signoff-blocked',
      message: '还有 3 处问题需要先处理，才能交给校长签字。',
    });
    expect(useWalkStore.getState().inspection?.state).toBe('draft');
  });

  it('stores a drawn signature as a PNG, then signs with it, trimmed, and checks the signature', async () => {
    const node = fakeNode();
    await useWalkStore.getState().open(ID);
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
    await expect(
      useSignoffStore.getState().sign(ID, DETAILS, { method: 'drawn', png }),
    ).resolves.toEqual({ ok: true });
    expect(node.sent('evidence:add')).toEqual([{ name: '签名.png', dataBase64: 'iVBORw==' }]);
    expect(node.sent('signoff:sign')).toEqual([
      {
        id: ID,
        request: {
          signer: '王校长',
          title: '校长',
          date: '2026-11-30',
          method: 'drawn',
          image: ref('签名.png', 'image/png', 'd'.repeat(64)),
        },
      },
    ]);
    expect(useWalkStore.getState().inspection?.state).toBe('signed');
    expect(useSignoffStore.getState().check).toEqual({
      id: ID,
      result: {
        status: 'valid',
        fingerprint: FINGERPRINT,
        contentHash: 'e'.repeat(64),
        ownKey: true,
      },
    });
  });

  it('signs on paper with the scan already stored, and keeps a comment', async () => {
    const node = fakeNode();
    await useWalkStore.getState().open(ID);
    const scan = ref('签字页.pdf', 'application/pdf');
    const details = { ...DETAILS, comment: '同意。' };
    await useSignoffStore.getState().sign(ID, details, { method: 'paper', image: scan });
    expect(node.sent('evidence:add')).toEqual([]);
    expect(node.sent('signoff:sign')).toMatchObject([
      { request: { method: 'paper', image: scan, comment: '同意。' } },
    ]);
  });

  it('passes a refusal on with its code (a missing key), and nothing is signed', async () => {
    const node = fakeNode({
      'signoff:sign': () => refused('signing-key-missing', '本机的签名密钥不见了。'),
    });
    await useWalkStore.getState().open(ID);
    const png = new Blob([new Uint8Array([1])], { type: 'image/png' });
    await expect(
      useSignoffStore.getState().sign(ID, DETAILS, { method: 'drawn', png }),
    ).resolves.toEqual({
      ok: false,
      code: 'signing-key-missing',
      message: '本机的签名密钥不见了。',
    });
    expect(node.stored().state).toBe('draft');
    expect(node.sent('signoff:check')).toEqual([]);
  });

  it('refuses a drawn signature over 1 MB before sending it', async () => {
    const node = fakeNode();
    await useWalkStore.getState().open(ID);
    const png = new Blob([new Uint8Array(1024 * 1024 + 1)], { type: 'image/png' });
    const outcome = await useSignoffStore.getState().sign(ID, DETAILS, { method: 'drawn', png });
    expect(outcome).toEqual({
      ok: false,
      code: 'unknown',
      message: '签名图片太大，请清除后重新签名。',
    });
    expect(node.sent('evidence:add')).toEqual([]);
    expect(node.sent('signoff:sign')).toEqual([]);
  });

  it('takes the first PDF, PNG or JPEG chosen as the scan, and says why another file cannot be one', async () => {
    const pick =
      (files: EvidenceRef[], problems: unknown[] = []): Answer =>
      () => ({
        ok: true,
        value: { files, problems },
      });
    const text = ref('说明.txt', 'text/plain');
    const pdf = ref('签字页.pdf', 'application/pdf');
    fakeNode({ 'evidence:pick': pick([text, pdf]) });
    await expect(useSignoffStore.getState().pickScan()).resolves.toEqual({
      kind: 'chosen',
      image: pdf,
    });
    fakeNode({ 'evidence:pick': pick([text]) });
    await expect(useSignoffStore.getState().pickScan()).resolves.toEqual({
      kind: 'refused',
      message: '说明.txt 不是 PDF、PNG 或 JPEG 文件，不能作为签字页的扫描件。',
    });
    const tooLarge = { 'zh-CN': '文件超过 50 MB，未附加。', 'en-US': 'Over 50 MB.' };
    fakeNode({ 'evidence:pick': pick([], [{ name: 'scan.pdf', message: tooLarge }]) });
    await expect(useSignoffStore.getState().pickScan()).resolves.toEqual({
      kind: 'refused',
      message: 'scan.pdf: 文件超过 50 MB，未附加。',
    });
    fakeNode({ 'evidence:pick': pick([]) });
    await expect(useSignoffStore.getState().pickScan()).resolves.toEqual({ kind: 'cancelled' });
  });

  it('reopens with the reason trimmed, forgets the old check and shows the draft', async () => {
    const node = fakeNode();
    await useWalkStore.getState().open(ID);
    await useSignoffStore.getState().loadCheck(ID);
    await expect(useSignoffStore.getState().reopen(ID, ' 补充材料 ')).resolves.toEqual({
      ok: true,
    });
    expect(node.sent('signoff:reopen')).toEqual([{ id: ID, reason: '补充材料' }]);
    expect(useSignoffStore.getState().check).toBeNull();
    expect(useWalkStore.getState().inspection?.state).toBe('draft');
  });

  it('reads this installation’s key, and makes a new one only when asked', async () => {
    const node = fakeNode();
    await useSignoffStore.getState().loadKey();
    expect(useSignoffStore.getState().key).toEqual({ state: 'none', history: [] });
    expect(node.sent('signoff:replaceKey')).toEqual([]);
    node.setKey({ state: 'missing', history: [] });
    await useSignoffStore.getState().loadKey();
    expect(useSignoffStore.getState().key?.state).toBe('missing');
    await expect(useSignoffStore.getState().replaceKey()).resolves.toEqual({ ok: true });
    expect(useSignoffStore.getState().key).toMatchObject({ state: 'ok', fingerprint: FINGERPRINT });
  });

  it('says so when a new key cannot be made, and keeps the key it knew', async () => {
    fakeNode({
      'signoff:replaceKey': () => refused('signoff-refused', '本机的签名密钥完好，不需要更换。'),
    });
    await useSignoffStore.getState().loadKey();
    await expect(useSignoffStore.getState().replaceKey()).resolves.toEqual({
      ok: false,
      code: 'signoff-refused',
      message: '本机的签名密钥完好，不需要更换。',
    });
    expect(useSignoffStore.getState().key).toEqual({ state: 'none', history: [] });
  });
});
