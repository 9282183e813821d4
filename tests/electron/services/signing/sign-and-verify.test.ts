import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appErrorOf } from '../../../app-error';
import { canonicalText } from '../../../../shared/inspection/canonical';
import type { SaveTarget } from '../../../../shared/inspection/save';
import { planSave } from '../../../../shared/inspection/save';
import type { Inspection } from '../../../../shared/inspection/schema';
import type { SignRequest } from '../../../../shared/inspection/signing';
import {
  planReopen,
  planSign,
  signedText,
  signInspection,
} from '../../../../shared/inspection/signing';
import { withAudit } from '../../../../shared/inspection/create';
import { upgradeInspectionDocument } from '../../../../shared/migrations/inspection-format';
import { sha256Hex, signerOf } from '../../../../electron/services/signing/ed25519';
import { checkSignature } from '../../../../electron/services/signing/verify';
import {
  action,
  evidence,
  filledInspection,
  LATER,
  TEMPLATE,
} from '../../../shared/inspection/fixtures';

const signer = signerOf(generateKeyPairSync('ed25519').privateKey);
const stranger = signerOf(generateKeyPairSync('ed25519').privateKey);

const png = { ...evidence(9, '签名.png'), type: 'image/png' };
const REQUEST: SignRequest = {
  signer: '王校长',
  title: '校长',
  // The day before LATER's, so it is not after "today" in any time zone.
  date: '2026-11-29',
  comment: '同意，按期整改。',
  method: 'drawn',
  image: png,
};

/** filledInspection with nothing blocking sign-off (its one finding has an action), ready. */
function ready(): Inspection {
  return { ...filledInspection(), state: 'ready' };
}
const target = (inspection = ready(), extra: Partial<SaveTarget> = {}): SaveTarget => ({
  inspection,
  trashed: false,
  template: TEMPLATE,
  ...extra,
});
const signed = (inspection = ready()) =>
  planSign(target(inspection), REQUEST, LATER, signer).inspection;

describe('signing', () => {
  it('signs the canonical content with the key, records the signer, and locks the inspection', () => {
    const planned = planSign(target(), REQUEST, LATER, signer);
    const { inspection } = planned;
    expect(inspection.state).toBe('signed');
    expect(inspection.updatedAt).toBe(LATER);
    expect(inspection.audit.at(-1)).toEqual({ at: LATER, event: 'signed', detail: '王校长 校长' });
    expect(inspection.signoff).toMatchObject({
      ...REQUEST,
      signedAt: LATER,
      auditCount: inspection.audit.length,
      publicKey: signer.publicKey,
      keyFingerprint: signer.fingerprint,
    });
    const text = signedText({ ...inspection, signoff: inspection.signoff! });
    expect(inspection.signoff!.contentHash).toBe(sha256Hex(text));
    expect(JSON.parse(planned.json)).toEqual(inspection);
    expect(checkSignature(inspection, signer.fingerprint)).toEqual({
      status: 'valid',
      fingerprint: signer.fingerprint,
      contentHash: inspection.signoff!.contentHash,
      ownKey: true,
    });
    expect(checkSignature(inspection, stranger.fingerprint)).toMatchObject({ ownKey: false });
    expect(appErrorOf(() => planSave(target(inspection), [], LATER)).code).toBe(
      'inspection-signed',
    );
  });

  it('leaves out of the signed content only state, updatedAt, later audit entries and derived fields', () => {
    const inspection = signed();
    const content = JSON.parse(
      signedText({ ...inspection, signoff: inspection.signoff! }),
    ) as Record<string, unknown>;
    expect(Object.keys(content).sort()).toEqual(
      [
        'actions',
        'answers',
        'audit',
        'createdAt',
        'format',
        'id',
        'inspector',
        'period',
        'registers',
        'reopened',
        'school',
        'signoff',
        'template',
      ].sort(),
    );
    expect(Object.keys(content.signoff as object).sort()).toEqual(
      [
        'auditCount',
        'comment',
        'date',
        'image',
        'method',
        'publicKey',
        'signedAt',
        'signer',
        'title',
      ].sort(),
    );
  });

  it('gives the same hash whatever the order of keys in the file, or how it is laid out', () => {
    const inspection = signed();
    const shuffled = JSON.parse(JSON.stringify(inspection), (_key, value: unknown) =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    ) as Inspection;
    expect(Object.keys(shuffled)[0]).toBe('audit');
    expect(canonicalText(shuffled)).toBe(canonicalText(inspection));
    expect(checkSignature(shuffled)).toMatchObject({ status: 'valid' });
    const pretty = JSON.parse(JSON.stringify(inspection, null, 4)) as Inspection;
    expect(checkSignature(pretty)).toMatchObject({ status: 'valid' });
  });

  it('still holds after what happens to it later: trash, restore, another audit entry', () => {
    const inspection = withAudit(withAudit(signed(), { at: LATER, event: 'trashed' }), {
      at: LATER,
      event: 'restored',
    });
    expect(checkSignature({ ...inspection, updatedAt: '2027-01-01T00:00:00.000Z' })).toMatchObject({
      status: 'valid',
    });
  });

  describe('tells tampering apart', () => {
    const inspection = signed();
    const signoff = inspection.signoff!;
    it.each<[string, Inspection, 'changed' | 'invalid']>([
      [
        'an answer changed after signing',
        {
          ...inspection,
          answers: {
            ...inspection.answers,
            has_budget: { ...inspection.answers.has_budget!, value: 'yes' },
          },
        },
        'changed',
      ],
      ['the inspector renamed', { ...inspection, inspector: '别人' }, 'changed'],
      [
        'an early audit entry removed',
        { ...inspection, audit: inspection.audit.slice(1) },
        'changed',
      ],
      ['the signer renamed', { ...inspection, signoff: { ...signoff, signer: '别人' } }, 'changed'],
      [
        'the signature image swapped',
        { ...inspection, signoff: { ...signoff, image: { ...png, sha256: 'ff'.repeat(32) } } },
        'changed',
      ],
      [
        'the signature altered',
        {
          ...inspection,
          signoff: {
            ...signoff,
            signature: `${signoff.signature.startsWith('A') ? 'B' : 'A'}${signoff.signature.slice(1)}`,
          },
        },
        'invalid',
      ],
      [
        'the content hash edited to match a change',
        { ...inspection, signoff: { ...signoff, contentHash: '00'.repeat(32) } },
        'invalid',
      ],
      [
        // The key is part of what was signed: swapping it changes the signed content.
        'another key put in, fingerprint and all',
        {
          ...inspection,
          signoff: {
            ...signoff,
            publicKey: stranger.publicKey,
            keyFingerprint: stranger.fingerprint,
          },
        },
        'changed',
      ],
      [
        'the fingerprint of another key',
        { ...inspection, signoff: { ...signoff, keyFingerprint: stranger.fingerprint } },
        'invalid',
      ],
    ])('%s', (_name, tampered, status) => {
      expect(checkSignature(tampered)).toMatchObject({ status });
    });

    it('re-signed by someone else with their own key: valid, but not this key', () => {
      const { signoff: _stored, ...unsigned } = inspection;
      void _stored;
      const forged = planSign(
        target({ ...unsigned, state: 'ready', audit: inspection.audit.slice(0, -1) }),
        REQUEST,
        LATER,
        stranger,
      ).inspection;
      expect(checkSignature(forged, signer.fingerprint)).toMatchObject({
        status: 'valid',
        ownKey: false,
        fingerprint: stranger.fingerprint,
      });
    });
  });

  it('reports an unsigned inspection as such', () => {
    expect(checkSignature(ready())).toEqual({ status: 'unsigned' });
  });

  describe('refuses to sign', () => {
    it.each<[string, () => unknown, string]>([
      [
        'a draft not yet handed over',
        () => planSign(target(filledInspection()), REQUEST, LATER, signer),
        'signoff-refused',
      ],
      [
        'while a finding has no action',
        () => planSign(target({ ...ready(), actions: [] }), REQUEST, LATER, signer),
        'signoff-blocked',
      ],
      [
        'in the trash',
        () => planSign(target(ready(), { trashed: true }), REQUEST, LATER, signer),
        'inspection-not-found',
      ],
      ['twice', () => planSign(target(signed()), REQUEST, LATER, signer), 'inspection-signed'],
      [
        'without its template',
        () => planSign(target(ready(), { template: null }), REQUEST, LATER, signer),
        'template-not-found',
      ],
      [
        'with a drawn signature that is not a PNG',
        () => planSign(target(), { ...REQUEST, image: evidence(9) }, LATER, signer),
        'signoff-refused',
      ],
      [
        'on paper with a scan that is a Word file',
        () =>
          planSign(
            target(),
            {
              ...REQUEST,
              method: 'paper',
              image: { ...evidence(9, 'scan.docx'), type: 'application/msword' },
            },
            LATER,
            signer,
          ),
        'signoff-refused',
      ],
      [
        'dated after today',
        () => planSign(target(), { ...REQUEST, date: '2099-01-01' }, LATER, signer),
        'signoff-refused',
      ],
      [
        'with an empty name',
        () => planSign(target(), { ...REQUEST, signer: ' ' }, LATER, signer),
        'signoff-refused',
      ],
    ])('%s', (_name, run, code) => {
      const error = appErrorOf(run);
      expect(error.code).toBe(code);
      if (error.detail) {
        expect(error.detail['zh-CN']).not.toBe('');
        expect(error.detail['en-US']).not.toBe('');
      }
    });

    it('accepts a paper scan as a PDF, and leaves an empty comment out', () => {
      const inspection = planSign(
        target(),
        {
          ...REQUEST,
          method: 'paper',
          comment: '  ',
          image: { ...evidence(9, '签字页.pdf'), type: 'application/pdf' },
        },
        LATER,
        signer,
      ).inspection;
      expect(inspection.signoff).toMatchObject({ method: 'paper' });
      expect(inspection.signoff).not.toHaveProperty('comment');
      expect(checkSignature(inspection)).toMatchObject({ status: 'valid' });
    });
  });

  describe('signInspection: the signing planSign does once its checks pass', () => {
    it('signs exactly as planSign does', () => {
      expect(signInspection(ready(), REQUEST, LATER, signer)).toEqual(
        planSign(target(), REQUEST, LATER, signer),
      );
    });

    it('makes none of the workflow checks (sample data checks its own), but never signs twice', () => {
      // A draft with a finding and no action: planSign refuses it, signInspection signs it.
      const draft = { ...filledInspection(), actions: [] };
      expect(appErrorOf(() => planSign(target(draft), REQUEST, LATER, signer)).code).toBe(
        'signoff-refused',
      );
      const inspection = signInspection(draft, REQUEST, LATER, signer).inspection;
      expect(inspection.state).toBe('signed');
      expect(checkSignature(inspection)).toMatchObject({ status: 'valid' });
      expect(appErrorOf(() => signInspection(inspection, REQUEST, LATER, signer)).code).toBe(
        'inspection-signed',
      );
    });
  });

  describe('reopening', () => {
    it('voids the sign-off, keeps it whole with the reason, and makes a draft that can be signed again', () => {
      const first = signed();
      const reopened = planReopen(target(first), '  补充防火墙策略截图  ', LATER).inspection;
      expect(reopened.state).toBe('draft');
      expect(reopened).not.toHaveProperty('signoff');
      expect(reopened.reopened).toEqual([
        { at: LATER, reason: '补充防火墙策略截图', signoff: first.signoff },
      ]);
      expect(reopened.audit.at(-1)).toEqual({
        at: LATER,
        event: 'reopened',
        detail: '补充防火墙策略截图',
      });
      expect(checkSignature(reopened)).toEqual({ status: 'unsigned' });

      const edited = planSave(
        target(reopened),
        [
          { kind: 'answer', itemId: 'has_budget', value: 'yes' },
          {
            kind: 'action-put',
            action: action('a1', 'has_budget', {
              state: 'done',
              doneOn: '2026-11-30',
              doneNote: '已列入预算',
            }),
          },
          { kind: 'state', to: 'ready' },
        ],
        LATER,
      ).inspection;
      const again = planSign(target(edited), REQUEST, LATER, signer).inspection;
      expect(checkSignature(again)).toMatchObject({ status: 'valid' });
      // The voided sign-off is part of what the new one signs.
      expect(checkSignature({ ...again, reopened: [] })).toMatchObject({ status: 'changed' });
    });

    it('needs a reason, and a signed inspection', () => {
      expect(appErrorOf(() => planReopen(target(signed()), '   ', LATER)).code).toBe(
        'signoff-refused',
      );
      expect(appErrorOf(() => planReopen(target(ready()), '原因', LATER)).code).toBe(
        'signoff-refused',
      );
      expect(
        appErrorOf(() => planReopen(target(signed(), { trashed: true }), '原因', LATER)).code,
      ).toBe('inspection-not-found');
    });
  });

  it('verifies a signed inspection read back through the /1 upgrade path unchanged', () => {
    const inspection = signed();
    expect(upgradeInspectionDocument(inspection)).toBe(inspection);
  });
});
