import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPaths, inspectionIdOf, isDataFile } from '../../../electron/services/data-layout';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('the data folder layout', () => {
  it('places every file under the one data folder', () => {
    const paths = dataPaths('/data/qinglang');
    const all = [
      paths.settingsFile,
      paths.lockFile,
      paths.logFile,
      paths.inspectionFile(ID),
      paths.templateFile({ id: 'school_security', version: '2026.1' }),
      paths.evidenceFile('ab'.repeat(32)),
      paths.backup('2026-11-29T08-30-00-000Z-daily'),
    ];
    for (const file of all)
      expect(file.startsWith(`${path.resolve('/data/qinglang')}${path.sep}`)).toBe(true);
    expect(path.basename(paths.settingsFile)).toBe('settings.json');
    expect(path.relative(paths.root, paths.inspectionFile(ID))).toBe(
      path.join('inspections', `${ID}.json`),
    );
    expect(path.relative(paths.root, paths.evidenceFile('ab'.repeat(32)))).toBe(
      path.join('evidence', 'ab', 'ab'.repeat(32)),
    );
    expect(path.basename(paths.templateFile({ id: 'school_security', version: '2026.1' }))).toBe(
      'school_security@2026.1.json',
    );
  });

  it('knows an inspection file by its id, and nothing else in the folder', () => {
    expect(inspectionIdOf(`${ID}.json`)).toBe(ID);
    for (const other of [
      `${ID}.corrupt-2026-11-29T08-30-00-000Z.json`,
      `${ID}.json.tmp-${ID}`,
      'notes.json',
      ID,
      `${ID.toUpperCase()}.json`,
    ]) {
      expect(inspectionIdOf(other)).toBeNull();
    }
  });

  it('backs up data files only: no temp files, no corrupt copies', () => {
    expect(isDataFile('inspections', `${ID}.json`)).toBe(true);
    expect(isDataFile('inspections', `${ID}.json.tmp-${ID}`)).toBe(false);
    expect(isDataFile('templates', 'school_security@2026.1.json')).toBe(true);
    expect(
      isDataFile('templates', 'school_security@2026.1.corrupt-2026-11-29T08-30-00-000Z.json'),
    ).toBe(false);
    expect(isDataFile('templates', '../settings.json')).toBe(false);
    // reviews/ is one folder per inspection: its feedback files by hash, and their state.
    const SHA = 'ab'.repeat(32);
    expect(isDataFile('reviews', `${ID}/${SHA}.json`)).toBe(true);
    expect(isDataFile('reviews', path.join(ID, 'reviews.json'))).toBe(true);
    for (const other of [
      `${SHA}.json`,
      `${ID}/${SHA}.corrupt-2026-11-29T08-30-00-000Z.json`,
      `${ID}/reviews.json.1234.tmp`,
      `${ID}/notes.txt`,
      `not-an-id/${SHA}.json`,
      `${ID}/x/${SHA}.json`,
      `../${ID}/${SHA}.json`,
    ]) {
      expect(isDataFile('reviews', other)).toBe(false);
    }
  });
});
