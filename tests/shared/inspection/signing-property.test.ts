import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confStoreFactory } from '../../../electron/services/json-store';
import { silentLogger } from '../../../electron/services/logger';
import { sampleData, sha256OfBytes, unsignedSamples } from '../../../electron/services/sample-data';
import { createServices } from '../../../electron/services/services';
import {
  newPrivateKeyPem,
  privateKeyOf,
  signerOf,
} from '../../../electron/services/signing/ed25519';
import { checkSignature } from '../../../electron/services/signing/verify';
import { LATEST_BUILT_IN } from '../../../electron/services/templates/template-store';
import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locale';
import { LOCALES } from '../../../shared/i18n/locale';
import { applyChanges } from '../../../shared/inspection/changes';
import { checkInspectionShape } from '../../../shared/inspection/check';
import { inspectionJson } from '../../../shared/inspection/canonical';
import type { SaveTarget } from '../../../shared/inspection/save';
import { planSave } from '../../../shared/inspection/save';
import type { Inspection } from '../../../shared/inspection/schema';
import { signedText, signInspection } from '../../../shared/inspection/signing';
import { localIsoDate } from '../../../shared/local-date';
import type { Random } from '../../../shared/random';
import { createRandom } from '../../../shared/random';
import { CHANGE_KINDS, randomChanges } from '../../electron/robustness/crash-changes';
import { useTempDir } from '../../electron/temp-dir';

/**
 * Two promises of the sign-off, checked over many random cases: nothing changes a signed
 * inspection, whatever edits are sent; and what is signed does not depend on how the file lays
 * out its keys, nor on the language of the app that signs it.
 */

const OPTIONS = { count: 3, seed: 'signing-property', asOf: '2026-11-30' } as const;
const SIGNED = sampleData({ ...OPTIONS, signing: 'all' }).map((s) => s.inspection);
/** The same samples as they were handed to the principal, before signing. */
const READY = unsignedSamples({ ...OPTIONS, signing: 'all' });
const LATER = '2026-12-01T02:00:00.000Z';

const target = (inspection: Inspection): SaveTarget => ({
  inspection,
  trashed: false,
  template: LATEST_BUILT_IN,
});

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'accepted';
}

/** The same JSON value with the keys of every object in another order. */
function shuffled(value: unknown, rng: Random): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffled(v, rng));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    rng.shuffle(Object.entries(value)).map(([key, v]) => [key, shuffled(v, rng)] as const),
  );
}

describe('a signed inspection', () => {
  it('is changed by no sequence of edits of any kind: each is refused, the file stays as it was', () => {
    const made = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.nat({ max: SIGNED.length - 1 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        (which, seeds) => {
          const signed = SIGNED[which]!;
          const before = inspectionJson(signed);
          for (const seed of seeds) {
            const changes = randomChanges(
              LATEST_BUILT_IN,
              signed,
              createRandom(`edits-${seed}`),
              LATER,
              made,
            );
            expect(refusal(() => planSave(target(signed), changes, LATER))).toBe(
              'inspection-signed',
            );
            expect(applyChanges(signed, changes, LATER).ok).toBe(false);
          }
          expect(inspectionJson(signed)).toBe(before);
          expect(checkSignature(signed)).toMatchObject({ status: 'valid' });
        },
      ),
      { numRuns: 300 },
    );
    // Every kind of edit was tried, many times over.
    for (const kind of CHANGE_KINDS) expect(made.get(kind) ?? 0, kind).toBeGreaterThan(20);
  });

  it('is refused even with its state set back to ready, as long as it carries a sign-off', () => {
    for (const signed of SIGNED) {
      const claimed = { ...signed, state: 'ready' as const };
      expect(
        refusal(() => planSave(target(claimed), [{ kind: 'state', to: 'draft' }], LATER)),
      ).toBe('inspection-signed');
    }
  });
});

describe('what is signed', () => {
  it('is the same whatever the order of keys and the layout of the file', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: SIGNED.length - 1 }),
        fc.nat(),
        fc.integer({ min: 0, max: 4 }),
        (which, seed, indent) => {
          const signed = SIGNED[which]!;
          const text = JSON.stringify(shuffled(signed, createRandom(`keys-${seed}`)), null, indent);
          // Through the import door, as a bureau or the CLI reads it.
          const read = checkInspectionShape(JSON.parse(text));
          expect(read.ok).toBe(true);
          const inspection = read.ok ? read.inspection : signed;
          expect(checkSignature(inspection)).toMatchObject({
            status: 'valid',
            contentHash: signed.signoff!.contentHash,
          });
          expect(signedText({ ...inspection, signoff: inspection.signoff! })).toBe(
            signedText({ ...signed, signoff: signed.signoff! }),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('comes out the same when the principal signs a copy with its keys in another order', () => {
    const signer = signerOf(privateKeyOf(newPrivateKeyPem()));
    fc.assert(
      fc.property(fc.nat({ max: READY.length - 1 }), fc.nat(), (which, seed) => {
        const { inspection, signoff } = READY[which]!;
        const { request, at } = signoff!;
        const copy = checkInspectionShape(shuffled(inspection, createRandom(`copy-${seed}`)));
        expect(copy.ok).toBe(true);
        const mine = signInspection(inspection, request, at, signer).inspection;
        const theirs = copy.ok
          ? signInspection(copy.inspection, request, at, signer).inspection
          : null;
        expect(theirs?.signoff).toEqual(mine.signoff);
        expect(checkSignature(theirs!)).toMatchObject({ status: 'valid' });
      }),
      { numRuns: 30 },
    );
  });

  describe('in either language of the app', () => {
    const tempDir = useTempDir();
    const { at, request } = READY[0]!.signoff!;
    const NOW = new Date(at);
    // The date beside the signature is the signing day where the app runs (planSign checks it).
    const REQUEST = { ...request, date: localIsoDate(NOW) };
    const pem = newPrivateKeyPem();

    /** An installation in this language, with the same key, signing the same inspection. */
    async function signIn(language: Locale): Promise<Inspection> {
      const dataDir = tempDir();
      const services = createServices({
        dataDir,
        version: '0.0.0-test',
        shell: 'browser',
        storeFactory: confStoreFactory,
        log: silentLogger,
        lock: false,
        now: () => NOW,
      });
      try {
        services.settings.update({ language });
        const { inspection, signoff, files } = READY[0]!;
        const image = files.find((f) => f.sha256 === signoff!.request.image.sha256)!;
        expect(sha256OfBytes(image.bytes)).toBe(image.sha256);
        await services.evidence.addStream(
          Readable.from([Buffer.from(image.bytes)]),
          image.name,
          '',
        );
        expect(
          services.inspections.importJson(JSON.parse(inspectionJson(inspection))),
        ).toMatchObject({ status: 'imported', renamed: false });
        services.inspections.sign(inspection.id, REQUEST, signerOf(privateKeyOf(pem)));
        return services.inspections.get(inspection.id);
      } finally {
        services.close();
      }
    }

    it('signs the same content with the same signature in Chinese and in English', async () => {
      const [zh, en] = await Promise.all(LOCALES.map((language) => signIn(language)));
      expect(zh!.state).toBe('signed');
      expect(en!.signoff).toEqual(zh!.signoff);
      expect(inspectionJson(en!)).toBe(inspectionJson(zh!));
      expect(checkSignature(en!)).toMatchObject({ status: 'valid' });
    });
  });
});
