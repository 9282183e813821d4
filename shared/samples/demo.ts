import { createInspection } from '../inspection/create';
import { periodOf } from '../inspection/period';
import type { Answer, AnswerValue, Inspection, RegisterRow } from '../inspection/schema';
import { inspectionSchema } from '../inspection/schema';
import type { Random } from '../random';
import { createRandom } from '../random';
import { isIsoDate } from '../template/dates';
import type { Evaluation } from '../template/engine';
import { evaluate } from '../template/engine';
import { allItems } from '../template/items';
import type { Template } from '../template/schema';
import { correctiveActions } from './actions';
import { answerValue, FINDING_NOTES } from './answers';
import type { CatalogueEntry } from './catalogue';
import { schoolCatalogue } from './catalogue';
import { between, dayOf, instantMs, schoolHours } from './dates';
import { uuid } from './ids';
import { registerRows } from './registers';
import { drawSchool } from './school';

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

export interface DemoOptions {
  readonly count: number;
  readonly seed: string;
  /** ISO date the samples are "as of": the term, every date and every instant derive from it. */
  readonly asOf: string;
  readonly template: Template;
  /** SHA-256 of the template's canonical JSON (hashing needs Node, so the caller does it). */
  readonly templateHash: string;
}

/**
 * `count` inspections of as many different schools (distinct names and codes), each filled
 * against `template`. School i depends only on the seed and i: a larger count adds schools and
 * leaves the first ones as they were.
 */
export function demoInspections(options: DemoOptions): Inspection[] {
  const { count, seed, asOf } = options;
  if (!Number.isInteger(count) || count < 0 || count > DEMO_MAX_COUNT) {
    throw new RangeError(`count must be a whole number from 0 to ${DEMO_MAX_COUNT}`);
  }
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be a YYYY-MM-DD date, got "${asOf}"`);
  const schools = schoolCatalogue(createRandom(`${seed}/schools`)).slice(0, count);
  return schools.map((entry, index) =>
    demoInspection(entry, createRandom(`${seed}/school/${index}`), options),
  );
}

function demoInspection(entry: CatalogueEntry, rng: Random, options: DemoOptions): Inspection {
  const asOf = dayOf(options.asOf);
  const school = drawSchool(entry, rng, asOf);
  const { profile, inspector } = school;

  // Long enough ago that some corrective actions can fall due before asOf.
  const createdDay = asOf - rng.int(10, 75);
  const updatedDay = asOf - rng.int(0, 3);
  const createdMs = schoolHours(rng, createdDay);
  const updatedMs = schoolHours(rng, updatedDay);

  const items = allItems(options.template);
  const values = new Map<string, AnswerValue>();
  const registers: Record<string, RegisterRow[]> = {};
  const rowIds = new Set<string>();
  for (const item of items) {
    if (item.kind === 'register') registers[item.id] = registerRows(item, school, rowIds);
    else values.set(item.id, answerValue(item, school, values));
  }

  // Most schools finish; the rest leave a few items open, so progress varies.
  if (rng.chance(0.25)) {
    const answerable = items.filter((i) => i.kind !== 'register');
    for (const item of rng.shuffle(answerable).slice(0, rng.int(1, 6))) values.delete(item.id);
  }

  const evaluation = settle(options.template, values, registers, options.asOf);
  const visible = (id: string) => evaluation.items[id]?.visible === true;

  const answers: Record<string, Answer> = {};
  for (const item of items) {
    const value = values.get(item.id);
    if (item.kind === 'register' || value === undefined || !visible(item.id)) continue;
    const status = evaluation.items[item.id]?.status;
    const finding = status === 'partial' || status === 'non-compliant';
    const note = finding && rng.chance(0.6) ? rng.pick(FINDING_NOTES) : undefined;
    answers[item.id] = {
      value,
      ...(note === undefined ? {} : { note }),
      evidence: [],
      updatedAt: instantMs(between(rng, createdMs, updatedMs)),
    };
  }
  const keptRegisters: Record<string, RegisterRow[]> = {};
  for (const [id, rows] of Object.entries(registers)) if (visible(id)) keptRegisters[id] = rows;

  const base = createInspection({
    id: uuid(rng),
    template: {
      id: options.template.id,
      version: options.template.version,
      hash: options.templateHash,
    },
    school: profile,
    period: periodOf(options.asOf),
    inspector,
    now: instantMs(createdMs),
  });
  const inspection: Inspection = {
    ...base,
    updatedAt: instantMs(updatedMs),
    answers,
    registers: keptRegisters,
    actions: correctiveActions(
      school,
      items,
      evaluation,
      keptRegisters,
      createdMs,
      updatedMs,
      rowIds,
    ),
  };
  // Parsing proves the sample is valid and puts keys in the file order inspectionJson relies on.
  return inspectionSchema.parse(inspection);
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
