import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { evaluateInspection } from '../../../shared/inspection/summary';
import { demoInspections } from '../../../shared/samples/demo';
import { templateJson } from '../../../shared/template/canonical';
import type { Template } from '../../../shared/template/schema';
import { item, template } from '../template/fixtures';

/** Samples of a date judged by calendar months (qinglang-template/3's newer-than rule). */

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const logs: Template = {
  ...template([
    item('date', 'oldest_log', {
      required: true,
      rules: [{ kind: 'newer-than', months: 6, effect: 'non-compliant' }],
    }),
  ]),
  format: 'qinglang-template/3',
};

describe('samples of a newer-than date', () => {
  it('gives dates on both sides of six calendar months, none after the day of the samples', () => {
    const asOf = '2026-08-31';
    const samples = demoInspections({
      count: 40,
      seed: 'months',
      asOf,
      template: logs,
      templateHash: sha256(new TextEncoder().encode(templateJson(logs))),
      sha256,
    });
    // Some samples leave items unanswered, as a school part-way through would.
    const answered = samples.filter((s) => s.answers.oldest_log !== undefined);
    expect(answered.length).toBeGreaterThan(20);
    const statuses = answered.map((sample) => {
      const date = sample.answers.oldest_log!.value as string;
      const status = evaluateInspection(logs, sample, asOf).items.oldest_log!.status;
      expect(date <= asOf, date).toBe(true);
      // Compliant exactly when 2026-02-28 or earlier: six months before 31 August.
      expect(status, date).toBe(date <= '2026-02-28' ? 'compliant' : 'non-compliant');
      return status;
    });
    expect(new Set(statuses)).toEqual(new Set(['compliant', 'non-compliant']));
  });
});
