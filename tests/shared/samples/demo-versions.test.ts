import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import v1 from '../../../resources/templates/school-security-2026.1.json';
import v2 from '../../../resources/templates/school-security-2026.2.json';
import { carryOver } from '../../../shared/inspection/carry';
import { reviewInspection } from '../../../shared/inspection/review';
import { inspectionSchema } from '../../../shared/inspection/schema';
import { evaluateInspection } from '../../../shared/inspection/summary';
import { demoSamples } from '../../../shared/samples/demo';
import { templateJson } from '../../../shared/template/canonical';
import { allItems } from '../../../shared/template/items';
import { templateSchema } from '../../../shared/template/schema';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * The samples against each built-in version: 2026.2 (what `qinglang demo` and this term's sample
 * use) has items and registers 2026.1 lacks, and 2026.1 stays what last term's sample is filled
 * against. Every sample handed to the principal could be signed on the day it was.
 */
describe.each([
  ['2026.1', v1],
  ['2026.2', v2],
])('samples against the built-in %s', (version, file) => {
  const template = templateSchema.parse(file);
  const samples = demoSamples({
    count: 40,
    seed: `versions-${version}`,
    asOf: '2026-11-30',
    template,
    templateHash: sha256(templateJson(template)),
    sha256,
    signing: 'all',
  });

  it('pins the version, and fills every register and visible item', () => {
    for (const { inspection } of samples) {
      expect(inspectionSchema.parse(inspection).template.version).toBe(version);
      const evaluation = evaluateInspection(template, inspection, '2026-11-30');
      const unanswered = allItems(template).filter(
        (item) =>
          evaluation.items[item.id]?.visible === true &&
          evaluation.items[item.id]?.status === 'unanswered',
      );
      expect(unanswered.map((item) => item.id)).toEqual([]);
    }
  });

  it('signs only what nothing blocks, on the day of the signature as on asOf', () => {
    const signed = samples.filter((s) => s.signoff !== undefined);
    expect(signed.length).toBeGreaterThan(30);
    for (const { inspection, signoff } of signed) {
      expect(reviewInspection(template, inspection, signoff!.request.date).blockers).toEqual([]);
      expect(reviewInspection(template, inspection, '2026-11-30').blockers).toEqual([]);
    }
  });
});

describe('duplicating a 2026.1 inspection into 2026.2', () => {
  it('carries every answer, register row and cell, and open action: 2026.2 keeps all of 2026.1', () => {
    const [older, newer] = [templateSchema.parse(v1), templateSchema.parse(v2)];
    const samples = demoSamples({
      count: 20,
      seed: 'upgrade',
      asOf: '2026-06-30',
      template: older,
      templateHash: sha256(templateJson(older)),
      sha256,
    });
    for (const { inspection } of samples) {
      const carried = carryOver(inspection, {
        sourceTemplate: older,
        target: newer,
        withAnswers: true,
      });
      expect(carried.leftBehind).toEqual([]);
      expect(carried.answers).toEqual(inspection.answers);
      expect(carried.registers).toEqual(
        Object.fromEntries(
          Object.entries(inspection.registers).filter(([, rows]) => rows.length > 0),
        ),
      );
      expect(carried.actions).toEqual(inspection.actions.filter((a) => a.state === 'open'));
    }
  });
});
