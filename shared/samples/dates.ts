import type { Random } from '../random';
import { dayNumber } from '../template/dates';

/**
 * Days and instants for samples. Every one is reckoned from the `asOf` day the caller gives,
 * never from the clock, so the same options give the same samples on any day.
 */

export const DAY_MS = 86_400_000;

export function dayOf(iso: string): number {
  const day = dayNumber(iso);
  if (day === null) throw new RangeError(`not a date: ${iso}`);
  return day;
}

/** `new Date(number)` reads no clock: it only formats the given day. */
export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const instantMs = (ms: number): string => new Date(ms).toISOString();

/** A moment in school hours, Beijing time (UTC+8): 08:00–18:00 is 00:00–10:00 UTC. */
export function schoolHours(rng: Random, dayNo: number): number {
  return dayNo * DAY_MS + rng.int(0, 10 * 60 * 60 - 1) * 1000;
}

/** A moment between two instants (ms), in school hours where the span allows. */
export function between(rng: Random, from: number, to: number): number {
  const at = schoolHours(rng, rng.int(Math.floor(from / DAY_MS), Math.floor(to / DAY_MS)));
  return Math.min(Math.max(at, from), to);
}
