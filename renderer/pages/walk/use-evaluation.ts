import { useDeferredValue, useMemo } from 'react';
import type { Inspection } from '../../../shared/inspection/schema';
import { evaluateInspection } from '../../../shared/inspection/summary';
import type { Evaluation } from '../../../shared/template/engine';
import type { Template } from '../../../shared/template/schema';

/**
 * The live judgement of the open inspection. It runs on a deferred copy, so a keystroke is drawn
 * first and the statuses follow a moment later, never the other way round.
 */
export function useEvaluation(
  template: Template,
  inspection: Inspection,
  today: string,
): Evaluation {
  const deferred = useDeferredValue(inspection);
  return useMemo(() => evaluateInspection(template, deferred, today), [template, deferred, today]);
}
