import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { InspectionSummary } from '../../../shared/inspection/listing';
import { periodOf } from '../../../shared/inspection/period';
import { localIsoDate } from '../../../shared/local-date';
import { signSample, unsignedSamples } from '../sample-data';
import type { Services } from '../services';
import { builtInTemplate } from '../templates/template-store';

/** The built-in version last term's sample inspection is filled against. */
export const SAMPLE_LAST_TERM_VERSION = '2026.1';

/**
 * "Load sample data" on first run: a made-up school, last term's finished inspection and this
 * term's, started from it, so someone who just wants to look sees every screen filled in.
 * The school profile is only filled in when there is none yet.
 *
 * Last term's inspection comes signed by the school's principal, as it would have been, with the
 * key of the computer it was signed on then, not this installation's (the app says so, and shows
 * that key's fingerprint, as for any file signed elsewhere). Its evidence scans and the drawn
 * signature are stored here, so they can be opened. This term's is a draft.
 *
 * Last term's is filled against the built-in checklist 2026.1 and this term's against the default
 * one (the latest built-in, 2026.2, unless the user chose another): the upgrade path a school
 * takes when a new version of the checklist comes out.
 */
export async function loadSample(services: Services): Promise<InspectionSummary[]> {
  const today = new Date();
  const lastTerm = new Date(today);
  lastTerm.setMonth(lastTerm.getMonth() - 6);
  // Of a few made-up schools, the one that left least to follow up: this term starts from its
  // open actions, and a first look should not be a wall of overdue ones.
  const candidates = unsignedSamples({
    count: 5,
    seed: `sample-${randomUUID()}`,
    asOf: localIsoDate(lastTerm),
    signing: 'all',
    template: builtInTemplate(SAMPLE_LAST_TERM_VERSION),
  });
  const open = (s: (typeof candidates)[number]) =>
    s.inspection.actions.filter((a) => a.state === 'open').length;
  const previous = candidates.reduce<(typeof candidates)[number] | undefined>(
    (best, s) => (best === undefined || open(s) < open(best) ? s : best),
    undefined,
  );
  if (!previous) return services.inspections.list();
  const sample = previous.inspection;
  const settings = services.settings.get();
  if (!settings.profile) {
    services.settings.update({
      profile: sample.school,
      inspector: settings.inspector ?? sample.inspector,
    });
  }
  for (const file of previous.files) {
    await services.evidence.addStream(
      Readable.from([Buffer.from(file.bytes)]),
      file.name,
      file.type,
    );
  }
  const school = services.settings.get().profile ?? sample.school;
  // The id and the school are part of what is signed: they are set before signing.
  const placed = { ...sample, id: randomUUID(), school };
  const inspection = previous.signoff ? signSample(placed, previous.signoff) : placed;
  const [added] = services.inspections.add([inspection]);
  if (added) {
    services.inspections.duplicate({
      sourceId: added.id,
      period: periodOf(localIsoDate(today)),
      inspector: sample.inspector,
      withAnswers: false,
    });
  }
  return services.inspections.list();
}
