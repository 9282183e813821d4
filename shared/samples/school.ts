import type { SchoolProfile } from '../inspection/schema';
import type { Random } from '../random';
import type { CatalogueEntry } from './catalogue';
import { phoneNumber, ROADS, staffNames } from './people';

/** What the generators of one school share. */
export interface School {
  readonly rng: Random;
  readonly asOf: number;
  /** How likely any one requirement is met here, 0..1. */
  readonly diligence: number;
  readonly profile: SchoolProfile;
  readonly inspector: string;
  readonly staff: readonly string[];
  /** The principal (校长), who signs; never one of `staff`. */
  readonly principal: string;
  /** Biometric systems in use; none means "no" to the built-in template's bio_uses. */
  readonly bioSystems: number;
}

/** One school from its catalogue entry: its profile, its staff and how diligent it is. */
export function drawSchool(entry: CatalogueEntry, rng: Random, asOf: number): School {
  const names = staffNames(rng, 7);
  const staff = names.slice(0, 6);
  const principal = names[6]!;
  const inspector = staff[0]!;
  const profile: SchoolProfile = {
    name: entry.name,
    code: entry.code,
    district: entry.district,
    stage: rng.pick(entry.stages),
    address: `${entry.district}${rng.pick(ROADS)}${rng.int(1, 399)}号`,
    contactName: rng.chance(0.7) ? inspector : staff[1]!,
    contactPhone: phoneNumber(rng),
  };
  const diligence = rng.weighted<() => number>([
    [() => 0.9 + rng.next() * 0.08, 35],
    [() => 0.75 + rng.next() * 0.15, 40],
    [() => 0.5 + rng.next() * 0.25, 25],
  ])();
  return {
    rng,
    asOf,
    diligence,
    profile,
    inspector,
    staff,
    principal,
    bioSystems: rng.weighted([
      [0, 3],
      [1, 4],
      [2, 2],
      [3, 1],
      [4, 0.5],
    ]),
  };
}
