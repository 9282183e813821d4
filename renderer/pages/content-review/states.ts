import type { FindingState } from '../../../shared/scan/finding';

/**
 * The marks a finding takes, in the order they are offered: 待处理, 已处理, 误报. (FINDING_STATES
 * lives with the zod schemas the renderer takes types from only; this list must name every one.)
 */
export const FINDING_STATE_LIST = [
  'open',
  'fixed',
  'false-positive',
] as const satisfies readonly FindingState[];

/** The id of the page's note that a signed inspection's scans are read-only (marks point at it). */
export const LOCKED_REASON_ID = 'content-review-locked';

// A state added to the contract and missing here does not compile.
const everyState: Record<FindingState, true> = { open: true, fixed: true, 'false-positive': true };
void everyState;
