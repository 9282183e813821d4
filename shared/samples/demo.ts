import { createInspection } from '../inspection/create';
import { periodOf } from '../inspection/period';
import { reviewInspection } from '../inspection/review';
import type { AnswerValue, Inspection, RegisterRow } from '../inspection/schema';
import { inspectionSchema } from '../inspection/schema';
import type { SignRequest } from '../inspection/signing';
import type { Random } from '../random';
import { createRandom } from '../random';
import { isIsoDate } from '../template/dates';
import type { Evaluation } from '../template/engine';
import { evaluate } from '../template/engine';
import { allItems } from '../template/items';
import type { Item, Template } from '../template/schema';
import { correctiveActions } from './actions';
import { answerValue, FINDING_NOTES } from './answers';
import type { CatalogueEntry } from './catalogue';
import { schoolCatalogue } from './catalogue';
import { DAY_MS, dayOf, instantMs, isoDay, schoolHours } from './dates';
import type { Hash } from './evidence';
import { evidenceFiles, signatureFile } from './evidence';
import { uuid } from './ids';
import { registerRows } from './registers';
import type { School } from './school';
import { drawSchool } from './school';
import type { SampleFile } from './story';
import { replay, storySteps } from './story';

export type { SampleFile };

/**
 * Sample inspections for demonstrations, training and load tests (`qinglang demo`). Everything is
 * drawn from a seeded generator and dated from `asOf`, never from the clock, so the same options
 * always give the same inspections, byte for byte, on every machine.
 */

/** The date the CLI dates its samples from unless told otherwise: late in the autumn term. */
export const DEMO_AS_OF = '2026-11-30';
export const DEMO_SEED = 'qinglang';
/** Schools the catalogue can name without repeating (it holds more; this is what we promise). */
export const DEMO_MAX_COUNT = 1000;

/**
 * Which samples end up signed. `varied`: most schools that finished hand over and are signed, a
 * few wait for the principal (ready), the rest are drafts; `none`: the same samples, every one a
 * draft (`qinglang demo --unsigned`); `all`: every school finishes and signs (the first-run
 * sample, "last term's" inspection).
 */
export type DemoSigning = 'varied' | 'none' | 'all';

export interface DemoOptions {
  readonly count: number;
  readonly seed: string;
  /** ISO date the samples are "as of": the term, every date and every instant derive from it. */
  readonly asOf: string;
  readonly template: Template;
  /** SHA-256 of the template's canonical JSON (hashing needs Node, so the caller does it). */
  readonly templateHash: string;
  /** SHA-256 of a file's bytes, hex: for the evidence and signature images. */
  readonly sha256: Hash;
  readonly signing?: DemoSigning;
}

/** What the principal's sign-off of a sample needs: signing itself is Node's work (a key). */
export interface SampleSignoff {
  readonly request: SignRequest;
  /** The instant of signing, ISO. */
  readonly at: string;
  /** The school's Ed25519 private key seed, 32 bytes, from the seeded generator. */
  readonly keySeed: Uint8Array;
}

export interface DemoSample {
  /** A draft, or ready (handed to the principal); one with `signoff` is to be signed as it is. */
  readonly inspection: Inspection;
  /** The files its evidence and signature point at (by hash), each once. */
  readonly files: readonly SampleFile[];
  readonly signoff?: SampleSignoff;
}

/**
 * `count` samples of as many different schools (distinct names and codes), each filled against
 * `template`. School i depends only on the seed and i: a larger count adds schools and leaves the
 * first ones as they were.
 */
export function demoSamples(options: DemoOptions): DemoSample[] {
  const { count, seed, asOf } = options;
  if (!Number.isInteger(count) || count < 0 || count > DEMO_MAX_COUNT) {
    throw new RangeError(`count must be a whole number from 0 to ${DEMO_MAX_COUNT}`);
  }
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be a YYYY-MM-DD date, got "${asOf}"`);
  const schools = schoolCatalogue(createRandom(`${seed}/schools`)).slice(0, count);
  return schools.map((entry, index) =>
    demoSample(entry, createRandom(`${seed}/school/${index}`), options, () =>
      keySeed(createRandom(`${seed}/key/${index}`)),
    ),
  );
}

/** The inspections alone, none of them signed (signing needs a key): drafts, and ready ones. */
export function demoInspections(options: DemoOptions): Inspection[] {
  return demoSamples(options).map((sample) => sample.inspection);
}

function keySeed(rng: Random): Uint8Array {
  const bytes = new Uint8Array(32);
  for (let i = 0; i < bytes.length; i += 4) {
    const word = rng.uint32();
    bytes.set([word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff], i);
  }
  return bytes;
}

type Outcome = 'signed' | 'ready' | 'draft';

const SIGN_COMMENTS = [
  '同意。',
  '同意，请按期完成整改。',
  '已审阅，请相关部门抓紧落实整改措施。',
  '情况属实，同意上报。',
];

function demoSample(
  entry: CatalogueEntry,
  rng: Random,
  options: DemoOptions,
  key: () => Uint8Array,
): DemoSample {
  const asOf = dayOf(options.asOf);
  const school = drawSchool(entry, rng, asOf);
  const signing = options.signing ?? 'varied';

  // Long enough ago that some corrective actions can fall due before asOf.
  const createdMs = schoolHours(rng, asOf - rng.int(10, 75));
  const lastMs = schoolHours(rng, asOf - rng.int(0, 3));
  const fillEndMs = createdMs + Math.floor((lastMs - createdMs) * 0.7);

  const items = allItems(options.template);
  const values = new Map<string, AnswerValue>();
  const registers: Record<string, RegisterRow[]> = {};
  const rowIds = new Set<string>();
  for (const item of items) {
    if (item.kind === 'register') registers[item.id] = registerRows(item, school, rowIds);
    else values.set(item.id, answerValue(item, school, values));
  }

  // Most schools finish; the rest leave a few items open, so progress varies.
  const incomplete = rng.chance(0.25) && signing !== 'all';
  if (incomplete) {
    const answerable = items.filter((i) => i.kind !== 'register');
    for (const item of rng.shuffle(answerable).slice(0, rng.int(1, 6))) values.delete(item.id);
  }
  const drawnOutcome = rng.weighted<Outcome>([
    ['signed', 75],
    ['ready', 10],
    ['draft', 15],
  ]);
  const outcome: Outcome = signing === 'all' ? 'signed' : incomplete ? 'draft' : drawnOutcome;

  const evaluation = settle(options.template, values, registers, options.asOf);
  const visible = (id: string) => evaluation.items[id]?.visible === true;
  const answers = new Map<string, { value: AnswerValue; note?: string }>();
  for (const item of items) {
    const value = values.get(item.id);
    if (item.kind === 'register' || value === undefined || !visible(item.id)) continue;
    const status = evaluation.items[item.id]?.status;
    const finding = status === 'partial' || status === 'non-compliant';
    const note = finding && rng.chance(0.6) ? rng.pick(FINDING_NOTES) : undefined;
    answers.set(item.id, note === undefined ? { value } : { value, note });
  }
  const keptRegisters: Record<string, RegisterRow[]> = {};
  for (const [id, rows] of Object.entries(registers)) if (visible(id)) keptRegisters[id] = rows;

  const handsOver = outcome !== 'draft';
  const drawn = {
    answers,
    evidence: evidenceFiles(
      school,
      items,
      evaluation,
      (id) => answers.has(id),
      handsOver,
      options.sha256,
    ),
    registers: keptRegisters,
    actions: correctiveActions(
      school,
      items,
      evaluation,
      keptRegisters,
      { fromMs: fillEndMs, toMs: lastMs, everyFinding: handsOver },
      rowIds,
    ),
  };
  const start = createInspection({
    id: uuid(rng),
    template: {
      id: options.template.id,
      version: options.template.version,
      hash: options.templateHash,
    },
    school: school.profile,
    period: periodOf(options.asOf),
    inspector: school.inspector,
    now: instantMs(createdMs),
  });
  const filled = inTemplateOrder(
    replay(start, storySteps(school, items, drawn, { createdMs, fillEndMs })),
    items,
  );
  const files = [...drawn.evidence.values()].flat();

  // Handing over and signing are drawn for every school, so that `none` gives the same samples.
  const end = handOver(school, filled, lastMs, options);
  if (!handsOver || signing === 'none') return sample(filled, files);
  // Whatever was drawn, an inspection with anything blocking sign-off, on asOf or on the day it
  // would be signed, stays a draft.
  const blocked = (day: string) => reviewInspection(options.template, filled, day).blockers.length;
  if (blocked(options.asOf) > 0 || blocked(end.signoff.request.date) > 0) {
    return sample(filled, files);
  }
  const ready = replay(filled, [{ at: end.readyMs, change: { kind: 'state', to: 'ready' } }]);
  if (outcome !== 'signed') return sample(ready, files);
  return sample(ready, [...files, end.image], { ...end.signoff, keySeed: key() });
}

/**
 * The hand-over to the principal and the principal's signature, after the last edit. Values are
 * drawn as of asOf, so a day before it may still see a finding (a date window not yet passed) or
 * a date yet to come: the principal then signs on asOf itself.
 */
function handOver(school: School, filled: Inspection, lastMs: number, options: DemoOptions) {
  const { rng } = school;
  const lastEdit = Math.max(lastMs, Date.parse(filled.updatedAt));
  const readyMs = lastEdit + rng.int(5, 120) * 60_000;
  const readyDay = Math.floor(readyMs / DAY_MS);
  let signedMs = schoolHours(rng, rng.int(readyDay, Math.max(readyDay, school.asOf)));
  const signedDay = isoDay(Math.floor(signedMs / DAY_MS));
  if (reviewInspection(options.template, filled, signedDay).blockers.length > 0) {
    signedMs = schoolHours(rng, Math.max(readyDay, school.asOf));
  }
  if (signedMs <= readyMs) signedMs = readyMs + rng.int(10, 60) * 60_000;
  const sha256 = options.sha256;
  const image = signatureFile(school, sha256);
  const comment = rng.chance(0.6) ? rng.pick(SIGN_COMMENTS) : undefined;
  const request: SignRequest = {
    signer: school.principal,
    title: '校长',
    date: isoDay(Math.floor(signedMs / DAY_MS)),
    ...(comment === undefined ? {} : { comment }),
    method: 'drawn',
    image: {
      sha256: image.sha256,
      name: image.name,
      size: image.bytes.length,
      type: image.type,
      addedAt: instantMs(signedMs - rng.int(20, 120) * 1000),
    },
  };
  return { readyMs, image, signoff: { request, at: instantMs(signedMs) } };
}

function sample(inspection: Inspection, files: readonly SampleFile[], signoff?: SampleSignoff) {
  // Parsing proves the sample is valid and puts keys in the file order inspectionJson relies on.
  const parsed = inspectionSchema.parse(inspection);
  const unique = [...new Map(files.map((f) => [f.sha256, f])).values()];
  return signoff
    ? { inspection: parsed, files: unique, signoff }
    : { inspection: parsed, files: unique };
}

/** Answers and registers in the template's order, as a person reads the file (not typing order). */
function inTemplateOrder(inspection: Inspection, items: readonly Item[]): Inspection {
  const answers: Inspection['answers'] = {};
  const registers: Inspection['registers'] = {};
  for (const { id } of items) {
    if (Object.hasOwn(inspection.answers, id)) answers[id] = inspection.answers[id]!;
    if (Object.hasOwn(inspection.registers, id)) registers[id] = inspection.registers[id]!;
  }
  return { ...inspection, answers, registers };
}

/**
 * Evaluates until visibility stops changing, dropping answers to hidden items on the way, so no
 * answer to a hidden item is ever written (a condition may hang on an item left unanswered).
 */
function settle(
  template: Template,
  values: Map<string, AnswerValue>,
  registers: Readonly<Record<string, readonly RegisterRow[]>>,
  asOf: string,
): Evaluation {
  const items = allItems(template);
  for (let round = 0; ; round++) {
    // What engineAnswers would hand the engine once these are an inspection's answers and rows.
    const engine: Record<string, unknown> = Object.fromEntries(values);
    for (const [id, rows] of Object.entries(registers)) {
      if (rows.length > 0) engine[id] = rows.map((r) => r.cells);
    }
    const evaluation = evaluate(template, engine, asOf);
    const hidden = items.filter((i) => !evaluation.items[i.id]?.visible && values.has(i.id));
    if (hidden.length === 0 || round > items.length) return evaluation;
    for (const item of hidden) values.delete(item.id);
  }
}
