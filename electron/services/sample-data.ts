import { createHash } from 'node:crypto';
import type { Inspection } from '../../shared/inspection/schema';
import { signInspection } from '../../shared/inspection/signing';
import type { DemoSample, DemoSigning, SampleFile, SampleSignoff } from '../../shared/samples/demo';
import { demoSamples } from '../../shared/samples/demo';
import { privateKeyFromSeed, signerOf } from './signing/ed25519';
import { BUILT_IN_TEMPLATE, templateHash } from './templates/template-store';

/**
 * Sample data against the built-in checklist, for `qinglang demo` and the first-run "load sample
 * data": shared/samples draws it (pure), this signs the samples that are to be signed, each with
 * its made-up school's own key, derived from the seed, so the files stay byte-identical.
 */

export interface SampleOptions {
  readonly count: number;
  readonly seed: string;
  readonly asOf: string;
  readonly signing: DemoSigning;
}

export interface Sample {
  readonly inspection: Inspection;
  /** The files its evidence and signature point at, by hash. */
  readonly files: readonly SampleFile[];
}

export const sha256OfBytes = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** The samples before signing: the first-run sample changes an id and a profile first. */
export function unsignedSamples(options: SampleOptions): DemoSample[] {
  return demoSamples({
    ...options,
    template: BUILT_IN_TEMPLATE,
    templateHash: templateHash(BUILT_IN_TEMPLATE),
    sha256: sha256OfBytes,
  });
}

/** The principal's sign-off of a sample, with the school's key; Ed25519 signing is deterministic. */
export function signSample(inspection: Inspection, signoff: SampleSignoff): Inspection {
  const signer = signerOf(privateKeyFromSeed(signoff.keySeed));
  return signInspection(inspection, signoff.request, signoff.at, signer).inspection;
}

export function sampleData(options: SampleOptions): Sample[] {
  return unsignedSamples(options).map(({ inspection, files, signoff }) => ({
    inspection: signoff ? signSample(inspection, signoff) : inspection,
    files,
  }));
}
