import { describe, expect, it } from 'vitest';
import {
  evidencePath,
  MAX_PACKAGE_PATH,
  packagePathProblem,
} from '../../../shared/workbook/manifest';

const SHA = 'a'.repeat(64);

describe('package paths', () => {
  it.each([
    'manifest.json',
    '检查工作簿-2133102245-2026-autumn.xlsx',
    `evidence/${SHA}-网络安全责任书.png`,
    'a/b/c..d',
    '..hidden',
  ])('takes the plain relative path %j', (path) => {
    expect(packagePathProblem(path)).toBeNull();
  });

  it.each([
    ['', /empty/],
    ['../x', /"\.\." segment/],
    ['a/../../x', /"\.\." segment/],
    ['/etc/passwd', /absolute/],
    ['C:\\x', /backslash/],
    ['C:/x', /drive/],
    ['a\\b', /backslash/],
    ['a//b', /empty segment/],
    ['a/', /empty segment/],
    ['./a', /"\." segment/],
    ['a\u0000b', /control/],
    ['x'.repeat(MAX_PACKAGE_PATH + 1), /over 300 characters/],
  ])('refuses %j, saying why in both languages', (path, why) => {
    const problem = packagePathProblem(path);
    expect(problem?.['en-US']).toMatch(why);
    expect(problem?.['zh-CN']).toMatch(/路径|绝对/);
  });
});

describe('evidencePath', () => {
  it('puts the file under evidence/, named by its hash and its name', () => {
    expect(evidencePath({ sha256: SHA, name: '防火墙策略截图.png' })).toBe(
      `evidence/${SHA}-防火墙策略截图.png`,
    );
  });

  it('keeps only the base name, with characters Windows refuses replaced', () => {
    const path = evidencePath({ sha256: SHA, name: 'C:\\scans\\a<b>:c"d|e?f*.pdf' });
    expect(path).toBe(`evidence/${SHA}-a_b__c_d_e_f_.pdf`);
    expect(packagePathProblem(path)).toBeNull();
  });

  it('cuts a long name to 80 characters, keeping its extension and whole characters', () => {
    const name = `${'𠀀'.repeat(60)}.jpeg`;
    const path = evidencePath({ sha256: SHA, name });
    const kept = path.slice(`evidence/${SHA}-`.length);
    expect(kept.length).toBeLessThanOrEqual(80);
    expect(kept.endsWith('.jpeg')).toBe(true);
    expect(kept).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('never gives a name Windows cannot write, or none at all', () => {
    expect(evidencePath({ sha256: SHA, name: 'scan. . .' })).toBe(`evidence/${SHA}-scan`);
    expect(evidencePath({ sha256: SHA, name: '..' })).toBe(`evidence/${SHA}-file`);
    expect(evidencePath({ sha256: SHA, name: '...' })).toBe(`evidence/${SHA}-file`);
  });
});
