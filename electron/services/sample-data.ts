import { createHash } from 'node:crypto';
import type { Inspection } from '../../shared/inspection/schema';
import { signInspection } from '../../shared/inspection/signing';
import type { Template } from '../../shared/template/schema';
import type { DemoSample, DemoSigning, SampleFile, SampleSignoff } from '../../shared/samples/demo';
import { demoSamples } from '../../shared/samples/demo';
import { privateKeyFromSeed, signerOf } from './signing/ed25519';
import { LATEST_BUILT_IN, templateHash } from './templates/template-store';

/**
 * Sample data against a checklist (the latest built-in unless told otherwise), for `qinglang demo` and the first-run "load sample
 * data": shared/samples draws it (pure), this signs the samples that are to be signed, each with
 * its made-up school's own key, derived from the seed, so the files stay byte-identical.
 */

export interface SampleOptions {
  readonly count: number;
  readonly seed: string;
  readonly asOf: string;
  readonly signing: DemoSigning;
  /** The checklist the samples are filled against; the latest built-in by default. */
  readonly template?: Template;
}

export interface Sample {
  readonly inspection: Inspection;
  /** The files its evidence and signature point at, by hash. */
  readonly files: readonly SampleFile[];
}

export const sha256OfBytes = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** The samples before signing: the first-run sample changes an id and a profile first. */
export function unsignedSamples({
  template = LATEST_BUILT_IN,
  ...options
}: SampleOptions): DemoSample[] {
  return demoSamples({
    ...options,
    template,
    templateHash: templateHash(template),
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
