import type { TextHit } from '../page';
import { cardsInRun } from './bank-card';
import { forEachDigitRun } from './digit-runs';
import { idNumbersInRun } from './id-number';
import { phonesInRun } from './phone';

/** When a scan gives no year, ID birth dates up to this one count. */
export const DEFAULT_MAX_YEAR = 2099;

/**
 * Every personal-data hit in folded text (ID numbers, mobile numbers, bank cards), in order of
 * their start, with no two overlapping (the digit runs are found once for all three): an ID number wins over a card or phone on the same digits.
 */
export function personalHits(text: string, maxYear: number = DEFAULT_MAX_YEAR): TextHit[] {
  const ids: TextHit[] = [];
  const others: TextHit[] = [];
  // 11 digits: the shortest number these detectors find.
  forEachDigitRun(text, 11, (run) => {
    idNumbersInRun(text, run, maxYear, ids);
    cardsInRun(text, run, others);
    phonesInRun(text, run, others);
  });
  others.sort((a, b) => a.start - b.start);
  const kept: TextHit[] = [];
  let next = 0; // the first ID that does not end before the current hit
  let lastEnd = 0;
  for (const hit of others) {
    while (next < ids.length && (ids[next]?.end ?? 0) <= hit.start) next++;
    const id = ids[next];
    if (id && id.start < hit.end) continue;
    if (hit.start < lastEnd) continue;
    kept.push(hit);
    lastEnd = hit.end;
  }
  return [...ids, ...kept].sort((a, b) => a.start - b.start);
}
