import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import builtIn from '../../../resources/templates/school-security-2026.1.json';
import { sniffType } from '../../../shared/inspection/evidence-files';
import { reviewInspection } from '../../../shared/inspection/review';
import type { AuditEntry, Inspection } from '../../../shared/inspection/schema';
import { inspectionSchema } from '../../../shared/inspection/schema';
import type { DemoOptions, DemoSample } from '../../../shared/samples/demo';
import { DEMO_AS_OF, demoSamples } from '../../../shared/samples/demo';
import { allItems } from '../../../shared/template/items';
import { templateSchema } from '../../../shared/template/schema';

const TEMPLATE = templateSchema.parse(builtIn);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const samples = (overrides: Partial<DemoOptions> = {}) =>
  demoSamples({
    count: 120,
    seed: 'story',
    asOf: DEMO_AS_OF,
    template: TEMPLATE,
    templateHash: 'ab'.repeat(32),
    sha256,
    ...overrides,
  });

const VARIED = samples();
const NONE = samples({ signing: 'none' });
const ALL = samples({ count: 40, signing: 'all' });
const END_OF_AS_OF = Date.parse(`${DEMO_AS_OF}T23:59:59.999Z`);

const entriesAbout = (s: Inspection, itemId: string, events: readonly AuditEntry['event'][]) =>
  s.audit.filter((e) => e.itemId === itemId && events.includes(e.event));
const blockers = (s: Inspection) => reviewInspection(TEMPLATE, s, DEMO_AS_OF).blockers;

describe('sample stories: the audit trail of how each sample was filled in', () => {
  it('is in time order, from created to the last change, and no later than asOf', () => {
    for (const { inspection: s } of VARIED) {
      const times = s.audit.map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(s.audit[0]).toEqual({ at: s.createdAt, event: 'created' });
      expect(s.audit.at(-1)!.at).toBe(s.updatedAt);
      expect(Date.parse(s.updatedAt)).toBeLessThanOrEqual(END_OF_AS_OF);
      // Filled in over days, not in one go.
      expect(new Set(s.audit.map((e) => e.at.slice(0, 10))).size).toBeGreaterThan(3);
    }
  });

  it('records every answer, note and scan, and each answer is as new as its last entry', () => {
    for (const { inspection: s } of VARIED) {
      for (const [itemId, answer] of Object.entries(s.answers)) {
        const entries = entriesAbout(s, itemId, ['answer', 'note', 'evidence-added']);
        expect(entries.find((e) => e.event === 'answer')?.to).toEqual(answer.value);
        expect(entries.find((e) => e.event === 'note')?.to).toEqual(answer.note);
        expect(entries.filter((e) => e.event === 'evidence-added').map((e) => e.sha256)).toEqual(
          answer.evidence.map((e) => e.sha256),
        );
        expect(answer.updatedAt).toBe(entries.at(-1)!.at);
        for (const ref of answer.evidence) {
          expect(entries.find((e) => e.sha256 === ref.sha256)).toMatchObject({
            at: ref.addedAt,
            detail: ref.name,
          });
        }
      }
    }
  });

  it('records rows typed in (in one to three sittings), empty registers, actions opened and done', () => {
    let sittings = 0;
    for (const { inspection: s } of VARIED) {
      for (const [itemId, rows] of Object.entries(s.registers)) {
        const added = entriesAbout(s, itemId, ['rows-added']);
        const none = entriesAbout(s, itemId, ['register-none']);
        if (rows.length === 0) expect([added.length, none.length]).toEqual([0, 1]);
        else {
          expect(added.reduce((n, e) => n + (e.count ?? 1), 0)).toBe(rows.length);
          expect(added.length).toBeLessThanOrEqual(3);
          sittings = Math.max(sittings, added.length);
        }
      }
      for (const action of s.actions) {
        const about = s.audit.filter((e) => e.actionId === action.id);
        expect(about[0]).toMatchObject({
          at: action.createdAt,
          event: 'action-added',
          itemId: action.itemId,
          detail: action.description,
        });
        if (action.state === 'done') {
          expect(about[1]).toEqual({
            at: action.doneAt,
            event: 'action-done',
            itemId: action.itemId,
            actionId: action.id,
            detail: action.doneNote,
            to: action.doneOn,
          });
        } else expect(about).toHaveLength(1);
      }
    }
    expect(sittings).toBe(3);
  });
});

describe('sample files', () => {
  it('are PNG images, each one the evidence or signature that names its hash and size', () => {
    for (const sample of [...VARIED.slice(0, 30), ...ALL.slice(0, 10)]) {
      const byHash = new Map(sample.files.map((f) => [f.sha256, f]));
      expect(byHash.size).toBe(sample.files.length);
      const refs = Object.values(sample.inspection.answers).flatMap((a) => a.evidence);
      if (sample.signoff) refs.push(sample.signoff.request.image);
      expect(new Set(refs.map((r) => r.sha256))).toEqual(new Set(byHash.keys()));
      for (const ref of refs) {
        const file = byHash.get(ref.sha256)!;
        expect(sha256(file.bytes)).toBe(ref.sha256);
        expect([ref.size, ref.name, ref.type]).toEqual([file.bytes.length, file.name, 'image/png']);
        expect(sniffType(file.bytes)).toBe('image/png');
        expect(file.bytes.length).toBeLessThan(8000);
      }
    }
  });

  it('differ from school to school', () => {
    const hashes = VARIED.flatMap((s) => s.files.map((f) => f.sha256));
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});

describe('which samples are handed over and signed', () => {
  const states = (list: readonly DemoSample[]) => list.map((s) => s.inspection.state);

  it('varies: most signed, some waiting for the principal, the rest drafts', () => {
    const toSign = VARIED.filter((s) => s.signoff).length;
    const ready = VARIED.filter((s) => s.inspection.state === 'ready' && !s.signoff).length;
    const drafts = states(VARIED).filter((s) => s === 'draft').length;
    expect(toSign).toBeGreaterThan(VARIED.length * 0.4);
    expect(ready).toBeGreaterThan(0);
    expect(drafts).toBeGreaterThan(VARIED.length * 0.2);
    expect(toSign + ready + drafts).toBe(VARIED.length);
    // Nothing is signed here: that needs a key (electron/services/sample-data.ts).
    expect(states(VARIED)).not.toContain('signed');
  });

  it('hands over only what a principal could sign: nothing blocks it; the unfinished stay drafts', () => {
    for (const { inspection: s, signoff } of [...VARIED, ...ALL]) {
      if (s.state === 'ready') {
        expect(blockers(s)).toEqual([]);
        expect(s.audit.at(-1)).toEqual({
          at: s.updatedAt,
          event: 'state',
          from: 'draft',
          to: 'ready',
        });
      } else expect(signoff).toBeUndefined();
    }
    const unfinished = VARIED.filter((s) => blockers(s.inspection).length > 0);
    expect(unfinished.length).toBeGreaterThan(10);
    expect(unfinished.every((s) => s.inspection.state === 'draft')).toBe(true);
    // Every required scan is attached when it is handed over.
    const required = allItems(TEMPLATE).filter((i) => i.evidence === 'required');
    for (const { inspection: s } of VARIED.filter((x) => x.inspection.state === 'ready')) {
      for (const item of required) {
        if (s.answers[item.id] && s.answers[item.id]!.value !== 'na')
          expect(s.answers[item.id]!.evidence.length, item.id).toBeGreaterThan(0);
      }
    }
  });

  it('signs with the principal, on a day after the hand-over, no later than asOf', () => {
    for (const { inspection: s, signoff } of ALL) {
      expect(signoff).toBeDefined();
      const { request, at, keySeed } = signoff!;
      expect(request).toMatchObject({ title: '校长', method: 'drawn' });
      expect(request.signer).not.toBe(s.inspector);
      expect(s.actions.map((a) => a.owner)).not.toContain(request.signer);
      expect(request.date).toBe(at.slice(0, 10));
      expect(Date.parse(at)).toBeGreaterThan(Date.parse(s.updatedAt));
      expect(Date.parse(at)).toBeLessThanOrEqual(END_OF_AS_OF);
      expect(Date.parse(request.image.addedAt)).toBeLessThan(Date.parse(at));
      expect(keySeed).toHaveLength(32);
    }
    const seeds = ALL.map((s) => Buffer.from(s.signoff!.keySeed).toString('hex'));
    expect(new Set(seeds).size).toBe(ALL.length);
  });

  it('with signing "none" gives the same samples, every one a draft, nothing to sign', () => {
    expect(states(NONE).every((s) => s === 'draft')).toBe(true);
    expect(NONE.some((s) => s.signoff)).toBe(false);
    VARIED.forEach(({ inspection: varied }, i) => {
      const draft = NONE[i]!.inspection;
      if (varied.state === 'draft') {
        expect(draft).toEqual(varied);
        return;
      }
      // The same inspection, but for the hand-over.
      expect(varied.audit.slice(0, -1)).toEqual(draft.audit);
      expect(
        inspectionSchema.parse({
          ...varied,
          state: 'draft',
          audit: draft.audit,
          updatedAt: draft.updatedAt,
        }),
      ).toEqual(draft);
    });
  });

  it('with signing "all", every school finishes and is to be signed', () => {
    expect(ALL.every((s) => s.signoff && s.inspection.state === 'ready')).toBe(true);
    expect(ALL.every((s) => blockers(s.inspection).length === 0)).toBe(true);
  });
});
