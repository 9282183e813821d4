import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleData } from '../../../electron/services/sample-data';
import type { Feedback } from '../../../shared/bureau/feedback';
import type { Inspection } from '../../../shared/inspection/schema';
import { useTempDir } from '../temp-dir';
import { feedbackAbout, feedbackBytes } from './bureau-reviews/feedback-fixtures';
import { INSPECTOR, movingClock, PROFILE, snapshot } from './inspection-fixtures';
import { testServices } from './test-services';

/**
 * The bureau's feedback on a school's inspections (reviews/<id>/<sha256>.json and reviews.json,
 * one folder deeper than inspections/) is in every backup, and a restore brings it back as it was.
 */
const [SAMPLE] = sampleData({
  count: 1,
  seed: 'backups-reviews',
  asOf: '2026-11-30',
  signing: 'all',
});
const SIGNED: Inspection = SAMPLE!.inspection;

const feedback = (extra: Partial<Feedback> = {}) => feedbackBytes(feedbackAbout(SIGNED, extra));

describe('backups of the bureau feedback', () => {
  const tempDir = useTempDir();

  function setUp() {
    const dataDir = tempDir();
    const clock = movingClock();
    const services = testServices(dataDir, { now: clock.now });
    services.settings.update({ profile: PROFILE, inspector: INSPECTOR });
    services.inspections.add([SIGNED]);
    return { dataDir, services, clock, reviewsDir: path.join(dataDir, 'reviews', SIGNED.id) };
  }

  it('copies each feedback file and the archive state, and no damaged or temp file', () => {
    const { dataDir, services, reviewsDir } = setUp();
    services.reviews.import(feedback());
    const [review] = services.reviews.list(SIGNED.id);
    services.reviews.dismiss(SIGNED.id, review!.sha256);
    fs.writeFileSync(path.join(reviewsDir, `${'c'.repeat(64)}.corrupt-x.json`), '{');
    fs.writeFileSync(path.join(reviewsDir, 'reviews.json.1234.tmp'), '{');
    fs.writeFileSync(path.join(dataDir, 'reviews', 'notes.txt'), 'not ours');

    const info = services.backups.create('manual');
    const folder = path.join(dataDir, 'backups', info.id);
    const kept = Object.keys(snapshot(path.join(folder, 'reviews')));
    expect(kept.sort()).toEqual(
      [`${SIGNED.id}/${review!.sha256}.json`, `${SIGNED.id}/reviews.json`].sort(),
    );
    for (const rel of kept) {
      expect(fs.readFileSync(path.join(folder, 'reviews', rel))).toEqual(
        fs.readFileSync(path.join(dataDir, 'reviews', rel)),
      );
    }
  });

  it('a restore brings the feedback back, archived as it was, and drops what came after', () => {
    const { services, clock, reviewsDir } = setUp();
    services.reviews.import(feedback());
    const [first] = services.reviews.list(SIGNED.id);
    services.reviews.dismiss(SIGNED.id, first!.sha256);
    const [archived] = services.reviews.list(SIGNED.id);
    expect(archived!.dismissedAt).not.toBeNull();
    const info = services.backups.create('manual');
    const before = snapshot(reviewsDir);

    // Later: the folder is lost, and a newer feedback file is imported.
    clock.tick(60_000);
    fs.rmSync(reviewsDir, { recursive: true });
    services.reviews.import(
      feedback({ decision: 'accepted', reviewedAt: '2026-12-05T02:00:00.000Z' }),
    );
    expect(services.reviews.list(SIGNED.id).map((r) => r.feedback.decision)).toEqual(['accepted']);

    clock.tick(60_000);
    services.backups.restore(info.id);
    expect(snapshot(reviewsDir)).toEqual(before);
    const restored = services.reviews.list(SIGNED.id);
    expect(restored).toEqual([
      expect.objectContaining({ sha256: first!.sha256, dismissedAt: archived!.dismissedAt }),
    ]);
    expect(services.reviews.latest()).toEqual([]);

    // The before-restore backup holds what the restore replaced: the newer feedback.
    const [beforeRestore] = services.backups.list().filter((b) => b.reason === 'before-restore');
    services.backups.restore(beforeRestore!.id);
    expect(services.reviews.latest()).toEqual([
      expect.objectContaining({ inspectionId: SIGNED.id, decision: 'accepted' }),
    ]);
  });
});
