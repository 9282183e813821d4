import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { confStoreFactory } from '../../../electron/services/json-store';
import { silentLogger } from '../../../electron/services/logger';
import type { IndexEntry, InspectionIndex } from '../../../electron/services/settings-service';
import { openSettings, SETTINGS_SCHEMA_VERSION } from '../../../electron/services/settings-service';
import { AppError } from '../../../shared/errors';
import { useTempDir } from '../temp-dir';
import { LATEST_PIN, idOf, INSPECTOR, NOW, PROFILE, STAMP } from './inspection-fixtures';

const settingsFile = (dir: string) => path.join(dir, 'settings.json');
const open = (dataDir: string, beforeMigration?: () => void) =>
  openSettings({
    dataDir,
    storeFactory: confStoreFactory,
    log: silentLogger,
    now: () => NOW,
    ...(beforeMigration && { beforeMigration }),
  });
const onDisk = (dir: string) =>
  JSON.parse(fs.readFileSync(settingsFile(dir), 'utf8')) as Record<string, unknown>;

const entry = (n: number): IndexEntry => ({
  mtimeMs: 1_780_000_000_000 + n,
  size: 1000 + n,
  figuresOn: '2026-11-29',
  summary: {
    id: idOf(n),
    school: { name: PROFILE.name, code: PROFILE.code },
    period: { year: 2026, term: 'autumn' },
    inspector: INSPECTOR,
    template: LATEST_PIN,
    templateTitle: { 'zh-CN': '中小学校网络安全自查表', 'en-US': 'School checklist' },
    state: 'draft',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    figures: null,
  },
});

describe('settings.json version 2: settings and the inspection index', () => {
  const tempDir = useTempDir();

  it('is version 2', () => {
    expect(SETTINGS_SCHEMA_VERSION).toBe(2);
  });

  it('migrates a version 1 file, calling the hook while the old file is still on disk', () => {
    const dir = tempDir();
    const v1 = JSON.stringify({ schemaVersion: 1, language: 'en-US' }, null, '\t');
    fs.writeFileSync(settingsFile(dir), v1);
    const seen: string[] = [];
    const hook = vi.fn(() => {
      seen.push(fs.readFileSync(settingsFile(dir), 'utf8'));
    });

    const settings = open(dir, hook);
    expect(hook).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([v1]);
    expect(settings.get()).toEqual({ language: 'en-US' });
    expect(settings.index()).toEqual({});
    expect(settings.notices).toEqual([]);
    expect(onDisk(dir)).toEqual({ schemaVersion: 2, language: 'en-US', index: {} });

    // Migrated once: the next start finds version 2 and leaves it alone.
    const again = vi.fn();
    const bytes = fs.readFileSync(settingsFile(dir));
    expect(open(dir, again).get()).toEqual({ language: 'en-US' });
    expect(again).not.toHaveBeenCalled();
    expect(fs.readFileSync(settingsFile(dir))).toEqual(bytes);
  });

  it('keeps a profile and an inspector already in a version 1 file', () => {
    const dir = tempDir();
    fs.writeFileSync(
      settingsFile(dir),
      JSON.stringify({
        schemaVersion: 1,
        language: 'zh-CN',
        profile: PROFILE,
        inspector: INSPECTOR,
      }),
    );
    const settings = open(dir, () => undefined);
    // A file from before roles, with a school profile, is a school's installation.
    expect(settings.get()).toEqual({
      language: 'zh-CN',
      profile: PROFILE,
      inspector: INSPECTOR,
      role: 'school',
    });
    expect(onDisk(dir)).toEqual({
      schemaVersion: 2,
      language: 'zh-CN',
      profile: PROFILE,
      inspector: INSPECTOR,
      role: 'school',
      index: {},
    });
  });

  it('leaves the version 1 file as it was when the hook fails (no backup, no migration)', () => {
    const dir = tempDir();
    const v1 = JSON.stringify({ schemaVersion: 1, language: 'en-US' });
    fs.writeFileSync(settingsFile(dir), v1);
    expect(() =>
      open(dir, () => {
        throw new AppError('storage-failed');
      }),
    ).toThrow(expect.objectContaining({ code: 'storage-failed' }));
    expect(fs.readFileSync(settingsFile(dir), 'utf8')).toBe(v1);
  });

  it('migrates without a hook too', () => {
    const dir = tempDir();
    fs.writeFileSync(settingsFile(dir), JSON.stringify({ schemaVersion: 1, language: 'en-US' }));
    expect(open(dir).get()).toEqual({ language: 'en-US' });
    expect(onDisk(dir).schemaVersion).toBe(2);
  });

  it('does not call the hook for a fresh folder or a current file, and does not rewrite it', () => {
    const fresh = tempDir();
    const hook = vi.fn();
    open(fresh, hook);
    expect(hook).not.toHaveBeenCalled();
    expect(fs.existsSync(settingsFile(fresh))).toBe(false);

    const dir = tempDir();
    const v2 = JSON.stringify({
      schemaVersion: 2,
      language: 'en-US',
      index: { [idOf(1)]: entry(1) },
    });
    fs.writeFileSync(settingsFile(dir), v2);
    const settings = open(dir, hook);
    expect(hook).not.toHaveBeenCalled();
    expect(settings.index()).toEqual({ [idOf(1)]: entry(1) });
    expect(fs.readFileSync(settingsFile(dir), 'utf8')).toBe(v2);
  });

  it.each([
    ['a version 1 file that does not validate', { schemaVersion: 1, language: 'fr' }],
    ['version 0', { schemaVersion: 0, language: 'en-US' }],
    ['a fractional version', { schemaVersion: 1.5, language: 'en-US' }],
    ['a version as text', { schemaVersion: '2', language: 'en-US' }],
    [
      'a version 2 file with a broken profile',
      { schemaVersion: 2, language: 'en-US', profile: { name: '' } },
    ],
    [
      'a version 2 file with a hidden character in the inspector',
      { schemaVersion: 2, language: 'en-US', inspector: '\u202Eevil' },
    ],
  ])('keeps %s aside without calling the hook', (_label, content) => {
    const dir = tempDir();
    const text = JSON.stringify(content);
    fs.writeFileSync(settingsFile(dir), text);
    const hook = vi.fn();
    const settings = open(dir, hook);
    expect(hook).not.toHaveBeenCalled();
    const keptAs = `settings.corrupt-${STAMP}.json`;
    expect(settings.notices).toEqual([{ kind: 'quarantined', file: 'settings.json', keptAs }]);
    expect(fs.readFileSync(path.join(dir, keptAs), 'utf8')).toBe(text);
    expect(settings.get()).toEqual({ language: 'zh-CN' });
  });

  it.each([3, 99])('refuses a version %i file and never rewrites it', (version) => {
    const dir = tempDir();
    const newer = JSON.stringify({
      schemaVersion: version,
      language: 'en-US',
      profile: { whatever: 'the future holds' },
      index: { x: 1 },
    });
    fs.writeFileSync(settingsFile(dir), newer);
    const hook = vi.fn();
    const settings = open(dir, hook);
    expect(hook).not.toHaveBeenCalled();
    expect(settings.get()).toEqual({ language: 'en-US' });
    expect(settings.index()).toEqual({});
    expect(settings.notices).toEqual([{ kind: 'newer-version', file: 'settings.json' }]);
    expect(() => settings.update({ inspector: INSPECTOR })).toThrow(
      expect.objectContaining({ code: 'storage-newer-version' }),
    );
    // The index is a cache: not saving it is silent.
    expect(() => settings.writeIndex({ [idOf(1)]: entry(1) })).not.toThrow();
    expect(fs.readFileSync(settingsFile(dir), 'utf8')).toBe(newer);
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });

  it.each<[string, unknown]>([
    ['an index that is not an object', 'oops'],
    ['an index entry of the wrong shape', { [idOf(1)]: { mtimeMs: 'yesterday' } }],
    ['an index entry without a summary', { [idOf(1)]: { mtimeMs: 1, size: 2, figuresOn: 'x' } }],
    ['an array for an index', [entry(1)]],
  ])('drops %s silently and keeps the settings', (_label, index) => {
    const dir = tempDir();
    fs.writeFileSync(
      settingsFile(dir),
      JSON.stringify({ schemaVersion: 2, language: 'en-US', profile: PROFILE, index }),
    );
    const settings = open(dir);
    expect(settings.notices).toEqual([]);
    expect(settings.get()).toEqual({ language: 'en-US', profile: PROFILE, role: 'school' });
    expect(settings.index()).toEqual({});
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });

  it('takes a missing index for an empty one', () => {
    const dir = tempDir();
    fs.writeFileSync(settingsFile(dir), JSON.stringify({ schemaVersion: 2, language: 'en-US' }));
    const settings = open(dir);
    expect(settings.index()).toEqual({});
    expect(settings.notices).toEqual([]);
  });

  it('writes the index beside the settings, and each keeps the other', () => {
    const dir = tempDir();
    const settings = open(dir);
    settings.update({ profile: PROFILE, inspector: INSPECTOR });
    const index: InspectionIndex = { [idOf(1)]: entry(1), [idOf(2)]: entry(2) };
    settings.writeIndex(index);
    expect(settings.index()).toEqual(index);
    settings.update({ language: 'en-US' });

    const reopened = open(dir);
    expect(reopened.get()).toEqual({
      language: 'en-US',
      profile: PROFILE,
      inspector: INSPECTOR,
      role: 'school',
    });
    expect(reopened.index()).toEqual(index);
    expect(onDisk(dir)).toEqual({
      schemaVersion: 2,
      language: 'en-US',
      profile: PROFILE,
      inspector: INSPECTOR,
      index,
    });

    reopened.writeIndex({});
    expect(open(dir).get()).toEqual({
      language: 'en-US',
      profile: PROFILE,
      inspector: INSPECTOR,
      role: 'school',
    });
    expect(open(dir).index()).toEqual({});
  });

  it('refuses a profile that does not validate and keeps the file', () => {
    const dir = tempDir();
    const settings = open(dir);
    settings.update({ profile: PROFILE });
    const before = fs.readFileSync(settingsFile(dir));
    expect(() => settings.update({ profile: { ...PROFILE, code: '../../etc' } })).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
    expect(() => settings.update({ inspector: 'a\nb' })).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
    expect(fs.readFileSync(settingsFile(dir))).toEqual(before);
    expect(settings.get().profile).toEqual(PROFILE);
  });
});
