import { randomUUID } from 'node:crypto';
import { demoInspections } from '../../../shared/samples/demo';
import type { InspectionSummary } from '../../../shared/inspection/listing';
import { periodOf } from '../../../shared/inspection/period';
import { localIsoDate } from '../../../shared/local-date';
import type { Services } from '../services';
import { BUILT_IN_TEMPLATE, templateHash } from '../templates/template-store';

/**
 * "Load sample data" on first run: a made-up school, last term's finished inspection and this
 * term's, started from it, so someone who just wants to look sees every screen filled in.
 * The school profile is only filled in when there is none yet.
 */
export function loadSample(services: Services): InspectionSummary[] {
  const today = new Date();
  const lastTerm = new Date(today);
  lastTerm.setMonth(lastTerm.getMonth() - 6);
  const [previous] = demoInspections({
    count: 1,
    seed: `sample-${randomUUID()}`,
    asOf: localIsoDate(lastTerm),
    template: BUILT_IN_TEMPLATE,
    templateHash: templateHash(BUILT_IN_TEMPLATE),
  });
  if (!previous) return services.inspections.list();
  const settings = services.settings.get();
  if (!settings.profile) {
    services.settings.update({
      profile: previous.school,
      inspector: settings.inspector ?? previous.inspector,
    });
  }
  const school = services.settings.get().profile ?? previous.school;
  const [added] = services.inspections.add([{ ...previous, id: randomUUID(), school }]);
  if (added) {
    services.inspections.duplicate({
      sourceId: added.id,
      template: { id: BUILT_IN_TEMPLATE.id, version: BUILT_IN_TEMPLATE.version },
      period: periodOf(localIsoDate(today)),
      inspector: previous.inspector,
      withAnswers: false,
    });
  }
  return services.inspections.list();
}
