import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confStoreFactory } from '../../../electron/services/json-store';
import type { JsonStoreOptions, StoreFactory } from '../../../electron/services/json-store';
import { silentLogger } from '../../../electron/services/logger';
import {
  openSettings,
  peekLanguage,
  SETTINGS_SCHEMA_VERSION,
} from '../../../electron/services/settings-service';
import { AppError } from '../../../shared/errors';
import { useTempDir } from '../temp-dir';

const NOW = new Date('2026-11-29T08:30:00.000Z');
const open = (dataDir: string, storeFactory: StoreFactory = confStoreFactory) =>
  openSettings({ dataDir, storeFactory, log: silentLogger, now: () => NOW });
const settingsFile = (dir: string) => path.join(dir, 'settings.json');

describe('the settings service', () => {
  const tempDir = useTempDir();

  it('starts in Chinese on a fresh data folder', () => {
    const settings = open(tempDir());
    expect(settings.get()).toEqual({ language: 'zh-CN' });
    expect(settings.notices).toEqual([]);
  });

  it('keeps a change across a restart, with the schema version in the file', () => {
    const dir = tempDir();
    expect(open(dir).update({ language: 'en-US' })).toEqual({ language: 'en-US' });
    expect(open(dir).get()).toEqual({ language: 'en-US' });
    expect(JSON.parse(fs.readFileSync(settingsFile(dir), 'utf8'))).toEqual({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      language: 'en-US',
      index: {},
    });
  });

  it.each([
    ['truncated JSON', '{"schemaVersion": 1, "langu'],
    ['not JSON at all', 'PK\u0003\u0004 binary garbage \u0000\u0001'],
    ['an empty file', ''],
    ['a wrong type', '{"schemaVersion": 1, "language": 42}'],
    ['an unknown language', '{"schemaVersion": 1, "language": "fr"}'],
    ['a JSON array', '[1, 2, 3]'],
    ['no version', '{"language": "en-US"}'],
  ])('keeps %s aside, reports it, and starts from the defaults', (_label, content) => {
    const dir = tempDir();
    fs.writeFileSync(settingsFile(dir), content);
    const settings = open(dir);
    expect(settings.get()).toEqual({ language: 'zh-CN' });
    const keptAs = 'settings.corrupt-2026-11-29T08-30-00-000Z.json';
    expect(settings.notices).toEqual([{ kind: 'quarantined', file: 'settings.json', keptAs }]);
    expect(fs.readFileSync(path.join(dir, keptAs), 'utf8')).toBe(content);
    expect(settings.update({ language: 'en-US' })).toEqual({ language: 'en-US' });
    expect(open(dir).get()).toEqual({ language: 'en-US' });
  });

  it('never overwrites a file written by a newer version, and says so', () => {
    const dir = tempDir();
    const newer = JSON.stringify({ schemaVersion: 99, language: 'en-US', futureField: [1] });
    fs.writeFileSync(settingsFile(dir), newer);
    const settings = open(dir);
    expect(settings.get()).toEqual({ language: 'en-US' });
    expect(settings.notices).toEqual([{ kind: 'newer-version', file: 'settings.json' }]);
    expect(() => settings.update({ language: 'zh-CN' })).toThrow(AppError);
    expect(fs.readFileSync(settingsFile(dir), 'utf8')).toBe(newer);
    expect(fs.readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
  });

  it('reports a failed write as storage-failed and keeps the last good value', () => {
    const dir = tempDir();
    const failingWrites: StoreFactory = <T extends Record<string, unknown>>(
      options: JsonStoreOptions,
    ) => {
      const real = confStoreFactory<T>(options);
      return {
        path: real.path,
        get store() {
          return real.store;
        },
        set store(_value) {
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
      };
    };
    const settings = open(dir, failingWrites);
    expect(() => settings.update({ language: 'en-US' })).toThrow(
      expect.objectContaining({ code: 'storage-failed' }),
    );
    expect(settings.get()).toEqual({ language: 'zh-CN' });
  });

  it('refuses a patch that does not validate without touching the file', () => {
    const dir = tempDir();
    const settings = open(dir);
    settings.update({ language: 'en-US' });
    const before = fs.readFileSync(settingsFile(dir), 'utf8');
    expect(() => settings.update({ language: 'xx' as never })).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
    expect(fs.readFileSync(settingsFile(dir), 'utf8')).toBe(before);
  });

  it('takes a key sent as undefined to mean no change', () => {
    const dir = tempDir();
    const settings = open(dir);
    settings.update({ language: 'en-US' });
    expect(settings.update({ language: undefined })).toEqual({ language: 'en-US' });
    expect(open(dir).get()).toEqual({ language: 'en-US' });
  });

  it('names the language to start in before anything else reads the file', () => {
    const dir = tempDir();
    expect(peekLanguage(dir)).toBe('zh-CN');
    fs.writeFileSync(settingsFile(dir), JSON.stringify({ schemaVersion: 2, language: 'en-US' }));
    expect(peekLanguage(dir)).toBe('en-US');
    for (const text of ['{"language":"fr-FR"}', 'not json', 'null', '{"language":1}']) {
      fs.writeFileSync(settingsFile(dir), text);
      expect(peekLanguage(dir), text).toBe('zh-CN');
    }
    // It only reads: a damaged file is left for openSettings to judge and report.
    expect(fs.readFileSync(settingsFile(dir), 'utf8')).toBe('{"language":1}');
  });

  describe('the role', () => {
    const profile = {
      name: '清朗市第一中学',
      code: '3101010001',
      district: '清朗区',
      stage: 'junior' as const,
      address: '',
      contactName: '',
      contactPhone: '',
    };
    const writeRaw = (dir: string, doc: object) =>
      fs.writeFileSync(
        settingsFile(dir),
        JSON.stringify({ schemaVersion: SETTINGS_SCHEMA_VERSION, index: {}, ...doc }),
      );

    it('is absent on a fresh data folder, so the first run asks', () => {
      expect(open(tempDir()).get().role).toBeUndefined();
    });

    it('is a school for an installation from before roles that has a school profile', () => {
      const dir = tempDir();
      writeRaw(dir, { language: 'zh-CN', profile });
      expect(open(dir).get().role).toBe('school');
      // The next write keeps it.
      open(dir).update({ language: 'en-US' });
      expect(JSON.parse(fs.readFileSync(settingsFile(dir), 'utf8')).role).toBe('school');
    });

    it('stays absent without a profile, and a chosen role is kept, the other data untouched', () => {
      const dir = tempDir();
      writeRaw(dir, { language: 'zh-CN' });
      expect(open(dir).get().role).toBeUndefined();
      const bureau = { name: '清朗区教育局', district: '清朗区' };
      open(dir).update({ role: 'bureau', bureau });
      expect(open(dir).get()).toMatchObject({ role: 'bureau', bureau });
      open(dir).update({ role: 'school', profile });
      expect(open(dir).get()).toMatchObject({ role: 'school', bureau, profile });
    });

    it('refuses a role that does not exist, or a bureau without a name', () => {
      const settings = open(tempDir());
      expect(() => settings.update({ role: 'district' as never })).toThrow(AppError);
      expect(() => settings.update({ bureau: { name: ' ', district: '清朗区' } })).toThrow(
        AppError,
      );
      expect(settings.get().role).toBeUndefined();
    });
  });
});
