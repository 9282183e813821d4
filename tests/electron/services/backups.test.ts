import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBackups } from '../../../electron/services/backups';
import { KEEP_BACKUPS } from '../../../shared/backups/retention';
import { silentLogger } from '../../../electron/services/logger';
import { openKeyStore } from '../../../electron/services/signing/key-store';
import { appErrorOf } from '../../app-error';
import { useTempDir } from '../temp-dir';
import {
  AUTUMN_2026,
  demo,
  INSPECTOR,
  inspectionPath,
  movingClock,
  NOW,
  openWorld,
  otherTemplate,
  snapshot,
  SPRING_2027,
  STAMP,
} from './inspection-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The files a backup folder holds, relative, sorted. */
const filesOf = (dir: string) => Object.keys(snapshot(dir));

describe('backups', () => {
  const tempDir = useTempDir();
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** A data folder with settings, two inspections, an imported template, evidence and junk. */
  function filledDataDir() {
    const dataDir = tempDir();
    const world = openWorld(dataDir);
    const [a, b] = demo(2);
    world.store.add([a!, b!]);
    world.templates.install(otherTemplate());
    // Evidence, quarantined files, logs and temp files are not backed up.
    fs.mkdirSync(path.join(dataDir, 'evidence', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'evidence', 'ab', `${'ab'.repeat(32)}.pdf`), '%PDF');
    fs.writeFileSync(path.join(dataDir, 'inspections', `${a!.id}.corrupt-${STAMP}.json`), '{');
    fs.writeFileSync(path.join(dataDir, 'settings.corrupt-x.json'), '{');
    fs.writeFileSync(path.join(dataDir, 'templates', `broken.corrupt-${STAMP}.json`), '{');
    fs.writeFileSync(path.join(dataDir, 'inspections', `${a!.id}.json.1234.tmp`), '{');
    fs.mkdirSync(path.join(dataDir, 'logs'));
    fs.writeFileSync(path.join(dataDir, 'logs', 'qinglang.log'), 'line\n');
    // The signing key: its public history is backed up, the private key never.
    openKeyStore({ dataDir, log: silentLogger, now: () => NOW }).signer();
    return { dataDir, world, a: a!, b: b! };
  }

  it('copies settings, inspections, imported templates and the key history, and nothing else', () => {
    const { dataDir, a, b } = filledDataDir();
    const backups = openBackups({ dataDir, log: silentLogger, now: () => NOW });
    const info = backups.create('manual');

    expect(info.id).toBe(`${STAMP}-manual`);
    const folder = path.join(dataDir, 'backups', info.id);
    const expected = [
      'backup.json',
      `inspections/${a.id}.json`,
      `inspections/${b.id}.json`,
      'keys/key-history.json',
      'settings.json',
      'templates/school_security@2027.1.json',
    ].sort((x, y) => x.localeCompare(y));
    expect(filesOf(folder)).toEqual(expected);
    expect(fs.existsSync(path.join(dataDir, 'keys', 'signing-key.pem'))).toBe(true);
    for (const rel of expected.filter((r) => r !== 'backup.json')) {
      expect(fs.readFileSync(path.join(folder, rel))).toEqual(
        fs.readFileSync(path.join(dataDir, rel)),
      );
    }
    const bytes = expected
      .filter((r) => r !== 'backup.json')
      .reduce((sum, rel) => sum + fs.statSync(path.join(dataDir, rel)).size, 0);
    expect(info).toEqual({
      id: `${STAMP}-manual`,
      createdAt: NOW.toISOString(),
      reason: 'manual',
      inspections: 2,
      bytes,
    });
    expect(JSON.parse(fs.readFileSync(path.join(folder, 'backup.json'), 'utf8'))).toEqual(info);
    expect(backups.list()).toEqual([info]);
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual([info.id]);
  });

  it('backs up an empty data folder as an empty backup', () => {
    const dataDir = tempDir();
    const info = openBackups({ dataDir, log: silentLogger, now: () => NOW }).create('manual');
    expect(info).toMatchObject({ inspections: 0, bytes: 0 });
    expect(filesOf(path.join(dataDir, 'backups', info.id))).toEqual(['backup.json']);
  });

  it('gives two backups in the same millisecond different names', () => {
    const dataDir = tempDir();
    const backups = openBackups({ dataDir, log: silentLogger, now: () => NOW });
    const first = backups.create('manual');
    const second = backups.create('manual');
    expect(second.id).toBe(`${first.id}-2`);
    expect(backups.list()).toHaveLength(2);
  });

  it(`keeps the last ${KEEP_BACKUPS}, removing the oldest`, () => {
    const { dataDir } = filledDataDir();
    const clock = movingClock();
    const backups = openBackups({ dataDir, log: silentLogger, now: clock.now });
    const made = [];
    for (let i = 0; i < 12; i++) {
      made.push(backups.create('manual'));
      clock.tick(HOUR);
    }
    const kept = backups.list();
    expect(kept).toHaveLength(KEEP_BACKUPS);
    expect(kept.map((b) => b.id)).toEqual(
      made
        .slice(2)
        .map((b) => b.id)
        .reverse(),
    );
    for (const gone of made.slice(0, 2)) {
      expect(fs.existsSync(path.join(dataDir, 'backups', gone.id))).toBe(false);
    }
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toHaveLength(KEEP_BACKUPS);
  });

  it('keeps as many as asked', () => {
    const dataDir = tempDir();
    const clock = movingClock();
    const backups = openBackups({ dataDir, log: silentLogger, now: clock.now, keep: 3 });
    for (let i = 0; i < 5; i++) {
      backups.create('daily');
      clock.tick(DAY);
    }
    expect(backups.list()).toHaveLength(3);
  });

  it('makes no daily backup of a folder holding nothing typed yet, and one once it does', () => {
    const dataDir = tempDir();
    const at = new Date(2026, 10, 29, 8, 0, 0);
    const backups = openBackups({ dataDir, log: silentLogger, now: () => at });
    // A first start: settings hold only the language, no profile, no inspection.
    fs.writeFileSync(path.join(dataDir, 'settings.json'), '{"schemaVersion":2,"language":"zh-CN"}');
    backups.ensureDaily();
    expect(backups.list()).toEqual([]);
    // The profile is saved: now there is something to keep.
    fs.writeFileSync(
      path.join(dataDir, 'settings.json'),
      '{"schemaVersion":2,"language":"zh-CN","profile":{"name":"清朗中学"}}',
    );
    backups.ensureDaily();
    expect(backups.list().map((b) => b.reason)).toEqual(['daily']);
  });

  it('makes at most one daily backup per local day', () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, 'inspections'));
    fs.writeFileSync(
      path.join(dataDir, 'inspections', '0f8fad5b-d9cb-469f-a165-70867728950e.json'),
      '{}',
    );
    // Local times, so the test holds in every time zone.
    let at = new Date(2026, 10, 29, 8, 0, 0);
    const now = () => at;
    const backups = openBackups({ dataDir, log: silentLogger, now });
    backups.ensureDaily();
    at = new Date(2026, 10, 29, 17, 30, 0);
    backups.ensureDaily();
    expect(backups.list().map((b) => b.reason)).toEqual(['daily']);

    // A restart the same day finds today's backup on disk.
    openBackups({ dataDir, log: silentLogger, now }).ensureDaily();
    expect(backups.list()).toHaveLength(1);

    at = new Date(2026, 10, 30, 7, 45, 0);
    backups.ensureDaily();
    backups.ensureDaily();
    expect(backups.list().map((b) => b.reason)).toEqual(['daily', 'daily']);
  });

  it('counts any backup made today as the daily one', () => {
    const dataDir = tempDir();
    const at = new Date(2026, 10, 29, 8, 0, 0);
    const backups = openBackups({ dataDir, log: silentLogger, now: () => at });
    backups.create('manual');
    backups.ensureDaily();
    expect(backups.list().map((b) => b.reason)).toEqual(['manual']);
  });

  it('does not stop saving when the daily backup fails', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'settings.json'), '{}');
    vi.spyOn(fs, 'copyFileSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    });
    const backups = openBackups({ dataDir, log: silentLogger, now: () => NOW });
    expect(() => backups.ensureDaily()).not.toThrow();
    vi.restoreAllMocks();
    expect(backups.list()).toEqual([]);
  });

  it('leaves neither a half backup nor a temp folder when a copy fails', () => {
    const { dataDir } = filledDataDir();
    const backups = openBackups({ dataDir, log: silentLogger, now: () => NOW });
    const earlier = backups.create('manual');
    const copy = fs.copyFileSync.bind(fs);
    let calls = 0;
    vi.spyOn(fs, 'copyFileSync').mockImplementation((from, to, mode) => {
      // The third file fails: two are already in the temp folder.
      if (++calls === 3) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      copy(from, to, mode);
    });
    expect(appErrorOf(() => backups.create('manual')).code).toBe('storage-failed');
    expect(calls).toBe(3);
    vi.restoreAllMocks();
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual([earlier.id]);
    expect(backups.list()).toEqual([earlier]);
  });

  it('tries a failed daily backup again the next day, not on every save', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'settings.json'), '{"profile":{"name":"清朗中学"}}');
    let at = new Date(2026, 10, 29, 8, 0, 0);
    const backups = openBackups({ dataDir, log: silentLogger, now: () => at });
    vi.spyOn(fs, 'copyFileSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    });
    backups.ensureDaily();
    backups.ensureDaily();
    expect(backups.list()).toEqual([]);
    at = new Date(2026, 10, 30, 8, 0, 0);
    backups.ensureDaily();
    expect(backups.list().map((b) => b.reason)).toEqual(['daily']);
  });

  it('clears what a backup interrupted by a crash left when it opens, and nothing else', () => {
    const dataDir = tempDir();
    const kept = openBackups({ dataDir, log: silentLogger, now: () => NOW }).create('manual');
    const root = path.join(dataDir, 'backups');
    const leftover = path.join(root, '.tmp-0b7c7e3a-8f7e-4a53-9d43-2f1d6b1f4e21');
    fs.mkdirSync(path.join(leftover, 'inspections'), { recursive: true });
    fs.writeFileSync(path.join(leftover, 'settings.json'), '{}');
    fs.writeFileSync(path.join(root, 'notes.tmp-1'), 'not a backup of ours');
    const backups = openBackups({ dataDir, log: silentLogger, now: () => NOW });
    expect(fs.readdirSync(root).sort()).toEqual([kept.id, 'notes.tmp-1'].sort());
    expect(backups.list()).toEqual([kept]);
  });

  it('stamps a backup with the time it is made when given no clock', () => {
    const before = Date.now();
    const info = openBackups({ dataDir: tempDir(), log: silentLogger }).create('manual');
    expect(Date.parse(info.createdAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(info.createdAt)).toBeLessThanOrEqual(Date.now());
  });

  it('ignores a backup folder without a valid manifest', () => {
    const dataDir = tempDir();
    const backups = openBackups({ dataDir, log: silentLogger, now: () => NOW });
    const good = backups.create('manual');
    const fake = path.join(dataDir, 'backups', '2026-01-01T00-00-00-000Z-manual');
    fs.mkdirSync(fake);
    fs.writeFileSync(path.join(fake, 'backup.json'), JSON.stringify({ ...good, id: 'elsewhere' }));
    const broken = path.join(dataDir, 'backups', '2026-01-02T00-00-00-000Z-manual');
    fs.mkdirSync(broken);
    fs.writeFileSync(path.join(broken, 'backup.json'), '{');
    expect(backups.list()).toEqual([good]);
    expect(appErrorOf(() => backups.restore('2026-01-01T00-00-00-000Z-manual')).code).toBe(
      'backup-not-found',
    );
    expect(appErrorOf(() => backups.restore('2026-01-02T00-00-00-000Z-manual')).code).toBe(
      'backup-not-found',
    );
  });

  describe('restore', () => {
    it('leaves the key history as it is: keys made since the backup are not forgotten', () => {
      const { dataDir } = filledDataDir();
      const backups = openBackups({ dataDir, log: silentLogger, now: () => NOW });
      const point = backups.create('manual');
      const keys = openKeyStore({ dataDir, log: silentLogger, now: () => NOW });
      fs.rmSync(path.join(dataDir, 'keys', 'signing-key.pem'));
      keys.replace();
      const history = fs.readFileSync(path.join(dataDir, 'keys', 'key-history.json'), 'utf8');
      expect(JSON.parse(history).keys).toHaveLength(2);
      backups.restore(point.id);
      expect(fs.readFileSync(path.join(dataDir, 'keys', 'key-history.json'), 'utf8')).toBe(history);
      expect(keys.status().state).toBe('ok');
    });

    it('backs up first, puts the files back and removes inspections the backup lacks', () => {
      const { dataDir, a, b } = filledDataDir();
      const clock = movingClock();
      const backups = openBackups({ dataDir, log: silentLogger, now: clock.now });
      const settingsThen = fs.readFileSync(path.join(dataDir, 'settings.json'));
      const aThen = fs.readFileSync(inspectionPath(dataDir, a.id));
      const bThen = fs.readFileSync(inspectionPath(dataDir, b.id));
      const point = backups.create('manual');

      // Afterwards: a is edited, b is purged, c is created, the language changes.
      clock.tick(HOUR);
      const world = openWorld(dataDir, { now: clock.now });
      world.store.update(a.id, [{ kind: 'answer', itemId: 'org_budget', value: 'no' }]);
      world.store.trash(b.id);
      world.store.purge(b.id);
      const c = world.store.create({ period: SPRING_2027, inspector: INSPECTOR });
      world.settings.update({ language: 'en-US' });
      const now = snapshot(path.join(dataDir, 'inspections'));

      clock.tick(HOUR);
      expect(backups.restore(point.id)).toEqual(point);

      expect(fs.readFileSync(path.join(dataDir, 'settings.json'))).toEqual(settingsThen);
      expect(fs.readFileSync(inspectionPath(dataDir, a.id))).toEqual(aThen);
      expect(fs.readFileSync(inspectionPath(dataDir, b.id))).toEqual(bThen);
      expect(fs.existsSync(inspectionPath(dataDir, c.id))).toBe(false);
      // Files that are not inspections stay, evidence stays.
      expect(
        fs.existsSync(path.join(dataDir, 'inspections', `${a.id}.corrupt-${STAMP}.json`)),
      ).toBe(true);
      expect(fs.existsSync(path.join(dataDir, 'evidence', 'ab', `${'ab'.repeat(32)}.pdf`))).toBe(
        true,
      );
      expect(
        fs.readdirSync(path.join(dataDir, 'inspections')).filter((n) => n.endsWith('.tmp')),
      ).toEqual([`${a.id}.json.1234.tmp`]);

      // What was there just before is in the before-restore backup.
      const before = backups.list().find((x) => x.reason === 'before-restore');
      expect(before).toBeDefined();
      const inBefore = snapshot(path.join(dataDir, 'backups', before!.id, 'inspections'));
      expect(inBefore).toEqual(
        Object.fromEntries(
          Object.entries(now).filter(([name]) => /^[0-9a-f-]{36}\.json$/.test(name)),
        ),
      );

      // The restored folder opens as it was.
      const reopened = openWorld(dataDir, { now: clock.now });
      expect(reopened.settings.get().language).toBe('zh-CN');
      expect(
        reopened.store
          .list()
          .map((s) => s.id)
          .sort(),
      ).toEqual([a.id, b.id].sort());
      expect(reopened.store.get(a.id)).toEqual(a);
    });

    it.each(['../../etc', '..', '', '.', 'backup.json', '/etc/passwd', `${STAMP}-manual/../..`])(
      'refuses the id %j as backup-not-found, changing nothing',
      (id) => {
        const { dataDir } = filledDataDir();
        const backups = openBackups({ dataDir, log: silentLogger, now: () => NOW });
        backups.create('manual');
        const before = snapshot(dataDir);
        expect(appErrorOf(() => backups.restore(id)).code).toBe('backup-not-found');
        expect(snapshot(dataDir)).toEqual(before);
      },
    );

    it('refuses a well-formed id that names no backup', () => {
      const dataDir = tempDir();
      const backups = openBackups({ dataDir, log: silentLogger, now: () => NOW });
      expect(appErrorOf(() => backups.restore('2020-01-01T00-00-00-000Z-manual')).code).toBe(
        'backup-not-found',
      );
      expect(backups.list()).toEqual([]);
    });

    it('restores the oldest of ten kept backups', () => {
      const { dataDir, a, b } = filledDataDir();
      const clock = movingClock();
      const backups = openBackups({ dataDir, log: silentLogger, now: clock.now });
      const oldest = backups.create('manual');
      for (let i = 1; i < KEEP_BACKUPS; i++) {
        clock.tick(HOUR);
        backups.create('daily');
      }
      expect(backups.list()).toHaveLength(KEEP_BACKUPS);
      clock.tick(HOUR);
      let failure: unknown = null;
      try {
        backups.restore(oldest.id);
      } catch (error) {
        failure = error;
      }
      // Whatever happens, the inspections must still be in the data folder.
      expect(fs.existsSync(inspectionPath(dataDir, a.id))).toBe(true);
      expect(fs.existsSync(inspectionPath(dataDir, b.id))).toBe(true);
      expect(failure).toBeNull();
    });

    it('says storage-failed when a file cannot be put back, keeping the before-restore backup', () => {
      const { dataDir } = filledDataDir();
      const clock = movingClock();
      const backups = openBackups({ dataDir, log: silentLogger, now: clock.now });
      const point = backups.create('manual');
      clock.tick(HOUR);
      const copy = fs.copyFileSync.bind(fs);
      vi.spyOn(fs, 'copyFileSync').mockImplementation((from, to, mode) => {
        if (String(from).startsWith(path.join(dataDir, 'backups', point.id))) {
          throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
        }
        copy(from, to, mode);
      });
      expect(appErrorOf(() => backups.restore(point.id)).code).toBe('storage-failed');
      vi.restoreAllMocks();
      expect(backups.list().map((x) => x.reason)).toEqual(['before-restore', 'manual']);
    });

    it('restores a backup made before any inspection, removing every inspection', () => {
      const dataDir = tempDir();
      const clock = movingClock();
      const world = openWorld(dataDir, { now: clock.now });
      const backups = openBackups({ dataDir, log: silentLogger, now: clock.now });
      const empty = backups.create('manual');
      clock.tick(HOUR);
      const { id } = world.store.create({ period: AUTUMN_2026, inspector: INSPECTOR });
      clock.tick(HOUR);
      backups.restore(empty.id);
      expect(fs.existsSync(inspectionPath(dataDir, id))).toBe(false);
      // The backup's manifest describes the backup: it is not put in the data folder.
      expect(fs.existsSync(path.join(dataDir, 'backup.json'))).toBe(false);
      expect(openWorld(dataDir, { now: clock.now }).store.list()).toEqual([]);
      expect(backups.list().map((x) => x.reason)).toEqual(['before-restore', 'manual']);
    });
  });
});
