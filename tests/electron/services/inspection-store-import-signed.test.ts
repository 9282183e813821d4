import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appErrorOf } from '../../app-error';
import { inspectionJson } from '../../../shared/inspection/canonical';
import type { Inspection } from '../../../shared/inspection/schema';
import type { Signer, SignRequest } from '../../../shared/inspection/signing';
import { signInspection } from '../../../shared/inspection/signing';
import { signerOf } from '../../../electron/services/signing/ed25519';
import {
  AUTUMN_2026,
  INSPECTOR,
  inspectionPath,
  NOW,
  openWorld,
  useStoreTempDir,
} from './inspection-fixtures';

const school = signerOf(generateKeyPairSync('ed25519').privateKey);
const SIGNED_AT = '2026-11-28T10:00:00.000Z';

/**
 * Signs an inspection as another installation would have (the workflow's checks are planSign's
 * business and tested with it; here only the file that arrives matters).
 */
function signedElsewhere(inspection: Inspection, signer: Signer): Inspection {
  const request: SignRequest = {
    signer: '王校长',
    title: '校长',
    date: '2026-11-28',
    method: 'drawn',
    image: {
      sha256: 'ab'.repeat(32),
      name: '签名.png',
      size: 900,
      type: 'image/png',
      addedAt: SIGNED_AT,
    },
  };
  return signInspection(inspection, request, SIGNED_AT, signer).inspection;
}

describe('importing a signed inspection', () => {
  const tempDir = useStoreTempDir();

  /** A signed file from another school's computer, as JSON text parsed back. */
  function arriving(change: (i: Inspection) => Inspection = (i) => i): unknown {
    const { store } = openWorld(tempDir());
    const { id } = store.create({ period: AUTUMN_2026, inspector: INSPECTOR });
    return JSON.parse(inspectionJson(change(signedElsewhere(store.exportJson(id), school))));
  }

  it('keeps a signature that holds: signed, locked, and says whose key it is', () => {
    // The signature image is evidence like any other: missing here, it is named.
    const { store } = openWorld(tempDir(), { evidenceExists: () => false });
    const outcome = store.importJson(arriving());
    expect(outcome).toMatchObject({
      status: 'imported',
      renamed: false,
      notices: [
        { kind: 'evidence-missing', names: ['签名.png'] },
        { kind: 'signed', fingerprint: school.fingerprint, ownKey: false },
      ],
    });
    if (outcome.status !== 'imported') return;
    expect(outcome.summary.state).toBe('signed');
    const stored = store.get(outcome.summary.id);
    expect(stored.audit.at(-1)).toEqual({ at: NOW.toISOString(), event: 'imported' });
    const error = appErrorOf(() =>
      store.update(stored.id, [{ kind: 'answer', itemId: 'org_budget', value: 'no' }]),
    );
    expect(error.code).toBe('inspection-signed');
  });

  it("says when the key is this computer's own", () => {
    const { store } = openWorld(tempDir(), { ownFingerprint: () => school.fingerprint });
    const outcome = store.importJson(arriving());
    expect(outcome).toMatchObject({
      notices: [{ kind: 'signed', ownKey: true }],
    });
  });

  it('brings a file changed after signing in as a draft, its sign-off kept with the reason', () => {
    const { store } = openWorld(tempDir());
    const outcome = store.importJson(arriving((i) => ({ ...i, inspector: '别人' })));
    expect(outcome).toMatchObject({
      status: 'imported',
      notices: [{ kind: 'signature-broken', status: 'changed' }],
    });
    if (outcome.status !== 'imported') return;
    const stored = store.get(outcome.summary.id);
    expect(stored.state).toBe('draft');
    expect(stored).not.toHaveProperty('signoff');
    expect(stored.reopened).toEqual([
      {
        at: NOW.toISOString(),
        reason: 'signature-content-changed',
        signoff: expect.objectContaining({ signer: '王校长', publicKey: school.publicKey }),
      },
    ]);
    expect(stored.audit.at(-1)).toEqual({
      at: NOW.toISOString(),
      event: 'imported',
      detail: 'signature-content-changed',
    });
    // Being a draft, it can be worked on again.
    store.update(stored.id, [{ kind: 'answer', itemId: 'org_budget', value: 'no' }]);
  });

  it('calls an altered signature invalid', () => {
    const { store } = openWorld(tempDir());
    const outcome = store.importJson(
      arriving((i) => ({ ...i, signoff: { ...i.signoff!, contentHash: '00'.repeat(32) } })),
    );
    expect(outcome).toMatchObject({
      notices: [{ kind: 'signature-broken', status: 'invalid' }],
    });
  });

  it('refuses a signed file whose id is here already: a copy would need a new id, breaking it', () => {
    const dataDir = tempDir();
    const { store } = openWorld(dataDir);
    const file = arriving();
    const first = store.importJson(file);
    if (first.status !== 'imported') throw new Error('first import failed');
    const before = fs.readdirSync(inspectionPath(dataDir, '').slice(0, -'.json'.length)).sort();
    const error = appErrorOf(() => store.importJson(file));
    expect(error.code).toBe('inspection-refused');
    expect(error.detail?.['zh-CN']).toContain('彻底删除');
    expect(fs.readdirSync(inspectionPath(dataDir, '').slice(0, -'.json'.length)).sort()).toEqual(
      before,
    );
  });

  it('refuses a sign-off whose shape is wrong, naming where', () => {
    const { store } = openWorld(tempDir());
    const outcome = store.importJson(
      arriving((i) => ({ ...i, signoff: { ...i.signoff!, publicKey: 'not a key' } })),
    );
    expect(outcome).toMatchObject({
      status: 'invalid',
      problems: [{ path: '$.signoff.publicKey' }],
    });
  });
});
