import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confStoreFactory } from '../../../../electron/services/json-store';
import { silentLogger } from '../../../../electron/services/logger';
import { sampleData } from '../../../../electron/services/sample-data';
import { createServices } from '../../../../electron/services/services';
import { MAX_FEEDBACK_BYTES } from '../../../../shared/bureau/review-rules';
import type { Inspection } from '../../../../shared/inspection/schema';
import { useTempDir } from '../../temp-dir';
import { INSPECTOR, movingClock, PROFILE } from '../inspection-fixtures';
import { FEEDBACK_FORMAT } from '../../../../shared/bureau/feedback';
import { feedbackAbout, feedbackBytes } from './feedback-fixtures';

const [SAMPLE] = sampleData({ count: 1, seed: 'review-store', asOf: '2026-11-30', signing: 'all' });
const SIGNED: Inspection = SAMPLE!.inspection;

const feedbackOf = feedbackAbout;
const bytes = feedbackBytes;

describe('the bureau review store', () => {
  const tempDir = useTempDir();

  function setUp() {
    const dataDir = tempDir();
    const services = createServices({
      dataDir,
      version: '0.0.0-test',
      shell: 'browser',
      storeFactory: confStoreFactory,
      log: silentLogger,
      now: movingClock().now,
    });
    services.settings.update({ profile: PROFILE, inspector: INSPECTOR });
    services.inspections.add([SIGNED]);
    return { dataDir, services, reviews: services.reviews };
  }

  it('keeps a feedback file beside its inspection, by its hash, and the same file twice as one', () => {
    const { dataDir, reviews } = setUp();
    const file = bytes(feedbackOf(SIGNED));
    const first = reviews.import(file);
    expect(first).toMatchObject({
      status: 'imported',
      inspectionId: SIGNED.id,
      decision: 'returned',
      version: 'current',
      duplicate: false,
    });
    expect(reviews.import(file)).toMatchObject({ status: 'imported', duplicate: true });
    const kept = fs.readdirSync(path.join(dataDir, 'reviews', SIGNED.id)).sort();
    expect(kept.filter((n) => n.endsWith('.json') && n !== 'reviews.json')).toHaveLength(1);
    // The bytes as received: the bureau's file, unchanged.
    const [name] = kept.filter((n) => /^[0-9a-f]{64}\.json$/.test(n));
    expect(fs.readFileSync(path.join(dataDir, 'reviews', SIGNED.id, name!))).toEqual(file);
    // The inspection itself is not touched.
    expect(reviews.list(SIGNED.id)).toHaveLength(1);
  });

  it('lists several feedback files newest first and archives one without deleting it', () => {
    const { reviews } = setUp();
    reviews.import(bytes(feedbackOf(SIGNED, { reviewedAt: '2026-12-01T02:00:00.000Z' })));
    reviews.import(
      bytes(feedbackOf(SIGNED, { decision: 'accepted', reviewedAt: '2026-12-05T02:00:00.000Z' })),
    );
    const [newest, older] = reviews.list(SIGNED.id);
    expect(newest!.feedback.decision).toBe('accepted');
    expect(older!.feedback.decision).toBe('returned');
    expect(reviews.latest()).toEqual([
      expect.objectContaining({ inspectionId: SIGNED.id, decision: 'accepted' }),
    ]);
    reviews.dismiss(SIGNED.id, newest!.sha256);
    const after = reviews.list(SIGNED.id);
    expect(after).toHaveLength(2);
    expect(after.find((r) => r.sha256 === newest!.sha256)!.dismissedAt).not.toBeNull();
    expect(reviews.latest()).toEqual([
      expect.objectContaining({ inspectionId: SIGNED.id, decision: 'returned' }),
    ]);
  });

  it('says the feedback is about an earlier version once the inspection is reopened', () => {
    const { services, reviews } = setUp();
    reviews.import(bytes(feedbackOf(SIGNED)));
    services.inspections.reopen(SIGNED.id, '教育局退回：请补充佐证材料。');
    expect(reviews.list(SIGNED.id)[0]!.version).toBe('earlier');
    const other = feedbackOf(SIGNED);
    const unknown = { ...other, inspection: { ...other.inspection, contentHash: 'c'.repeat(64) } };
    expect(reviews.import(bytes(unknown))).toMatchObject({ version: 'unknown' });
  });

  it('refuses feedback for an inspection not here, or for another school, naming them', () => {
    const { reviews } = setUp();
    const base = feedbackOf(SIGNED);
    const notHere = reviews.import(
      bytes({
        ...base,
        inspection: { ...base.inspection, id: '0a0b0c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d' },
      }),
    );
    expect(notHere.status).toBe('refused');
    const message = notHere.status === 'refused' ? notHere.problems[0]!.message : null;
    expect(message?.['en-US']).toContain('not in this app');
    expect(message?.['en-US']).toContain(SIGNED.school.name);
    expect(message?.['zh-CN']).toContain('不在本程序中');
    const otherSchool = reviews.import(
      bytes({ ...base, inspection: { ...base.inspection, schoolCode: '9999999999' } }),
    );
    expect(otherSchool).toMatchObject({ status: 'refused' });
    expect(JSON.stringify(otherSchool)).toContain('9999999999');
    expect(reviews.latest()).toEqual([]);
  });

  it('refuses bad bytes with a message and keeps nothing', () => {
    const { dataDir, reviews } = setUp();
    const refusals = [
      Buffer.from('{"format": "qinglang-feedback/1", "bureau": ', 'utf8'),
      Buffer.from([0xff, 0xfe, 0x00, 0x41]),
      bytes({ ...feedbackOf(SIGNED), format: 'qinglang-feedback/2' }),
      bytes({ format: 'qinglang-inspection/2' }),
      Buffer.from(`{"__proto__": {"polluted": true}, "format": "${FEEDBACK_FORMAT}"}`, 'utf8'),
      bytes({ ...feedbackOf(SIGNED), comment: 'evil\u202Etxt.exe' }),
      bytes({
        ...feedbackOf(SIGNED),
        inspection: { ...feedbackOf(SIGNED).inspection, schoolName: 'a\u0000b' },
      }),
      Buffer.alloc(MAX_FEEDBACK_BYTES + 1, 0x20),
      bytes([]),
      bytes('a string'),
    ].map((b) => reviews.import(b));
    for (const outcome of refusals) {
      expect(outcome.status).toBe('refused');
      if (outcome.status !== 'refused') continue;
      expect(outcome.problems.length).toBeGreaterThan(0);
      for (const p of outcome.problems) {
        expect(p.message['zh-CN']).not.toBe('');
        expect(p.message['en-US']).not.toBe('');
      }
    }
    const text = (i: number) => JSON.stringify(refusals[i]);
    expect(text(0)).toContain('ends too early');
    expect(text(1)).toContain('not UTF-8');
    expect(text(2)).toContain('update the app');
    expect(text(3)).toContain('not a bureau feedback file');
    expect(text(4)).toContain('__proto__');
    expect(text(7)).toContain('too large');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(fs.existsSync(path.join(dataDir, 'reviews'))).toBe(false);
  });

  it('sets aside a damaged file or state in the folder and goes on', () => {
    const { dataDir, reviews } = setUp();
    reviews.import(bytes(feedbackOf(SIGNED)));
    const dir = path.join(dataDir, 'reviews', SIGNED.id);
    fs.writeFileSync(path.join(dir, `${'a'.repeat(64)}.json`), 'not json');
    fs.writeFileSync(path.join(dir, 'reviews.json'), '{"x": 1}');
    const list = reviews.list(SIGNED.id);
    expect(list).toHaveLength(1);
    const names = fs.readdirSync(dir);
    expect(names.some((n) => n.includes('.corrupt-'))).toBe(true);
    expect(names.filter((n) => n.includes('.corrupt-'))).toHaveLength(2);
  });
});
