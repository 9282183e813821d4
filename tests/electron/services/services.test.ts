import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confStoreFactory } from '../../../electron/services/json-store';
import { silentLogger } from '../../../electron/services/logger';
import type { Services } from '../../../electron/services/services';
import { createServices } from '../../../electron/services/services';
import { AppError } from '../../../shared/errors';
import type { StorageNotice } from '../../../shared/storage-notice';
import { useTempDir } from '../temp-dir';
import {
  AUTUMN_2026,
  demo,
  idOf,
  INSPECTOR,
  inspectionPath,
  movingClock,
  NOW,
  PROFILE,
  SPRING_2027,
  STAMP,
  storedText,
  writeInspectionFile,
} from './inspection-fixtures';

const HOUR = 3_600_000;
const lockFile = (dir: string) => path.join(dir, 'qinglang.lock');

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('the services over one data folder', () => {
  const tempDir = useTempDir();
  const opened: Services[] = [];
  const start = (dataDir: string, options: { lock?: boolean; now?: () => Date } = {}) => {
    const services = createServices({
      dataDir,
      version: '0.0.0-test',
      shell: 'browser',
      storeFactory: confStoreFactory,
      log: silentLogger,
      lock: options.lock ?? true,
      now: options.now ?? (() => NOW),
    });
    opened.push(services);
    return services;
  };
  const closeAll = () => {
    for (const services of opened.splice(0)) services.close();
  };

  describe('leftovers of interrupted writes', () => {
    const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const leftovers = [
      'settings.json.tmp-1764405000a1b2c3',
      `inspections/${ID}.json.tmp-7c9e6679-7425-40de-944b-e07fc1f90ae7`,
      'templates/district@1.json.7c9e6679-7425-40de-944b-e07fc1f90ae7.tmp',
    ];
    const kept = ['notes.txt', `inspections/${ID}.corrupt-2026-11-29T08-30-00-000Z.json`];
    const seed = (dataDir: string) => {
      for (const rel of [...leftovers, ...kept]) {
        fs.mkdirSync(path.dirname(path.join(dataDir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dataDir, rel), 'half');
      }
    };

    it('are removed at start-up by the process that holds the folder, and nothing else is', () => {
      const dataDir = tempDir();
      seed(dataDir);
      start(dataDir);
      for (const rel of leftovers) expect(fs.existsSync(path.join(dataDir, rel)), rel).toBe(false);
      for (const rel of kept) expect(fs.existsSync(path.join(dataDir, rel)), rel).toBe(true);
    });

    it('are left alone by a process that does not hold it (the CLI): they may be writes under way', () => {
      const dataDir = tempDir();
      seed(dataDir);
      start(dataDir, { lock: false });
      for (const rel of leftovers) expect(fs.existsSync(path.join(dataDir, rel)), rel).toBe(true);
    });
  });

  describe('the lock', () => {
    it('refuses the folder while another live process holds it, and opens it once released', () => {
      const dataDir = tempDir();
      fs.writeFileSync(
        lockFile(dataDir),
        JSON.stringify({ pid: process.ppid, host: os.hostname() }),
      );
      expect(codeOf(() => start(dataDir))).toBe('data-locked');
      // Refused before anything was read or written.
      expect(fs.readdirSync(dataDir)).toEqual(['qinglang.lock']);

      fs.rmSync(lockFile(dataDir));
      const services = start(dataDir);
      expect(JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8'))).toMatchObject({
        pid: process.pid,
      });
      services.close();
      expect(fs.existsSync(lockFile(dataDir))).toBe(false);
      // Once closed, the folder is free for the next one.
      start(dataDir).close();
      closeAll();
    });

    it('takes no lock for the CLI', () => {
      const dataDir = tempDir();
      const services = start(dataDir, { lock: false });
      expect(fs.existsSync(lockFile(dataDir))).toBe(false);
      // Nor does the CLI make the daily backup by merely starting.
      expect(services.backups.list()).toEqual([]);
      services.close();
      closeAll();
    });

    it('refuses a second services on the same folder until the first is closed', () => {
      const dataDir = tempDir();
      const first = start(dataDir);
      try {
        expect(codeOf(() => start(dataDir))).toBe('data-locked');
        first.close();
        expect(codeOf(() => start(dataDir))).toBe('no error');
      } finally {
        closeAll();
      }
    });
  });

  it('makes the day’s backup on start when it holds the folder and the folder holds data', () => {
    const dataDir = tempDir();
    expect(start(dataDir).backups.list()).toEqual([]);
    closeAll();
    fs.writeFileSync(
      path.join(dataDir, 'settings.json'),
      JSON.stringify({ schemaVersion: 2, language: 'zh-CN', profile: PROFILE, index: {} }),
    );
    const services = start(dataDir);
    expect(services.backups.list().map((b) => b.reason)).toEqual(['daily']);
    closeAll();
  });

  it('backs up a version 1 settings file before migrating it', () => {
    const dataDir = tempDir();
    const v1 = JSON.stringify({ schemaVersion: 1, language: 'en-US' });
    fs.writeFileSync(path.join(dataDir, 'settings.json'), v1);
    const services = start(dataDir, { lock: false });
    expect(services.settings.get()).toEqual({ language: 'en-US' });
    const [backup] = services.backups.list();
    expect(backup).toMatchObject({ reason: 'before-migration' });
    expect(
      fs.readFileSync(path.join(dataDir, 'backups', backup!.id, 'settings.json'), 'utf8'),
    ).toBe(v1);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({
      schemaVersion: 2,
      index: {},
    });
    closeAll();
  });

  it('opens the inspections only when they are first used', () => {
    const dataDir = tempDir();
    const damaged = writeInspectionFile(dataDir, `${idOf(1)}.json`, '{"schemaVersion": 1,');
    const services = start(dataDir, { lock: false });
    expect(services.settings.get().language).toBe('zh-CN');
    expect(fs.existsSync(damaged)).toBe(true);
    expect(services.inspections.list()).toEqual([]);
    expect(fs.existsSync(damaged)).toBe(false);
    closeAll();
  });

  it('makes the daily backup after a write', () => {
    const dataDir = tempDir();
    const services = start(dataDir, { lock: false });
    services.settings.update({ profile: PROFILE, inspector: INSPECTOR });
    expect(services.backups.list()).toEqual([]);
    services.inspections.create({ period: AUTUMN_2026, inspector: INSPECTOR });
    expect(services.backups.list().map((b) => b.reason)).toEqual(['daily']);
    services.inspections.create({ period: SPRING_2027, inspector: INSPECTOR });
    expect(services.backups.list()).toHaveLength(1);
    closeAll();
  });

  it('collects what the settings, templates and inspections found wrong', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'settings.json'), '{"schemaVersion": 2, "langu');
    fs.mkdirSync(path.join(dataDir, 'templates'));
    fs.writeFileSync(path.join(dataDir, 'templates', 'district@1.json'), '{}');
    const [sample, future] = demo(2);
    writeInspectionFile(dataDir, `${sample!.id}.json`, '[]');
    writeInspectionFile(dataDir, `${future!.id}.json`, storedText(future, { schemaVersion: 7 }));

    const services = start(dataDir, { lock: false });
    // Inspection files are found in the folder's order, which the file system decides.
    const byFile = (notices: readonly StorageNotice[]) =>
      [...notices].sort((a, b) => a.file.localeCompare(b.file));
    expect(byFile(services.notices())).toEqual(
      byFile([
        {
          kind: 'quarantined',
          file: 'settings.json',
          keptAs: `settings.corrupt-${STAMP}.json`,
        },
        {
          kind: 'quarantined',
          file: 'templates/district@1.json',
          keptAs: `templates/district@1.corrupt-${STAMP}.json`,
        },
        {
          kind: 'quarantined',
          file: `inspections/${sample!.id}.json`,
          keptAs: `inspections/${sample!.id}.corrupt-${STAMP}.json`,
        },
        { kind: 'newer-version', file: `inspections/${future!.id}.json` },
      ]),
    );
    // Asking again reports the same, and moves nothing else.
    expect(services.notices()).toHaveLength(4);
    closeAll();
  });

  it('shows the restored inspections after a backup is restored and the services reload', () => {
    const dataDir = tempDir();
    const clock = movingClock();
    const services = start(dataDir, { now: clock.now });
    services.settings.update({ profile: PROFILE, inspector: INSPECTOR });
    const kept = services.inspections.create({ period: AUTUMN_2026, inspector: INSPECTOR });
    clock.tick(HOUR);
    const point = services.backups.create('manual');

    clock.tick(HOUR);
    const added = services.inspections.create({ period: SPRING_2027, inspector: INSPECTOR });
    services.inspections.update(kept.id, [
      { kind: 'answer', itemId: 'org_leading_group', value: 'compliant' },
    ]);
    services.settings.update({ language: 'en-US' });
    expect(services.inspections.list()).toHaveLength(2);

    clock.tick(HOUR);
    services.backups.restore(point.id);
    services.reload();
    expect(services.inspections.list().map((s) => s.id)).toEqual([kept.id]);
    expect(services.inspections.get(kept.id).answers).toEqual({});
    expect(services.settings.get().language).toBe('zh-CN');
    expect(fs.existsSync(inspectionPath(dataDir, added.id))).toBe(false);
    expect(services.notices()).toEqual([]);
    // The folder is still ours after a reload.
    expect(fs.existsSync(lockFile(dataDir))).toBe(true);
    closeAll();
  });
});
