import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../electron/services/logger';
import {
  BUILT_IN_TEMPLATES,
  builtInTemplate,
  LATEST_BUILT_IN,
  openTemplateStore,
  templateHash,
} from '../../../../electron/services/templates/template-store';
import type { TemplateRef } from '../../../../shared/settings';
import { templateJson } from '../../../../shared/template/canonical';
import type { Template } from '../../../../shared/template/schema';
import { useTempDir } from '../../temp-dir';

function bureauVersion(version: string, title = '区教育局 2027 版'): Template {
  const t = structuredClone(LATEST_BUILT_IN);
  return {
    ...t,
    id: 'district_2027',
    version,
    title: { 'zh-CN': title, 'en-US': 'District 2027' },
  };
}

describe('the template store', () => {
  const tempDir = useTempDir();
  const open = (dataDir: string, chosen?: TemplateRef) =>
    openTemplateStore({
      dataDir,
      log: silentLogger,
      defaultRef: () => chosen,
      now: () => new Date('2026-11-29T00:00:00Z'),
    });

  it('has both built-in versions, the latest chosen by default', () => {
    const list = open(tempDir()).list();
    expect(list.map((s) => [s.id, s.version, s.builtIn, s.isDefault])).toEqual([
      ['school_security', '2026.1', true, false],
      ['school_security', '2026.2', true, true],
    ]);
    expect(list[0]).toMatchObject({ sections: 9, items: 62 });
    expect(list.map((s) => s.hash)).toEqual(BUILT_IN_TEMPLATES.map(templateHash));
    for (const s of list) expect(s.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(LATEST_BUILT_IN.version).toBe('2026.2');
  });

  it('keeps 2026.1 exactly as inspections pinned it', () => {
    // The hash every inspection made against 2026.1 pins: the file must never change.
    expect(templateHash(builtInTemplate('2026.1'))).toBe(
      'f0931d69f918bf058e24318b46d7c3681539b389ac8adb8782e6e02c3fa986e6',
    );
    const store = open(tempDir());
    expect(store.get({ id: 'school_security', version: '2026.1' })).toBe(builtInTemplate('2026.1'));
    expect(() => builtInTemplate('2025.9')).toThrow(
      expect.objectContaining({ code: 'template-not-found' }),
    );
  });

  it("keeps the user's choice of default over the latest built-in, and falls back when it is gone", () => {
    const dir = tempDir();
    const older = open(dir, { id: 'school_security', version: '2026.1' }).list();
    expect(older.filter((s) => s.isDefault).map((s) => s.version)).toEqual(['2026.1']);
    const gone = open(dir, { id: 'district_2027', version: '9' }).list();
    expect(gone.filter((s) => s.isDefault).map((s) => s.version)).toEqual(['2026.2']);
  });

  it('installs an imported template by id and version, and keeps it across a restart', () => {
    const dir = tempDir();
    open(dir).install(bureauVersion('1'));
    expect(fs.readFileSync(path.join(dir, 'templates', 'district_2027@1.json'), 'utf8')).toBe(
      templateJson(bureauVersion('1')),
    );
    const again = open(dir, { id: 'district_2027', version: '1' });
    expect(again.list().map((s) => [s.id, s.version, s.isDefault])).toEqual([
      ['school_security', '2026.1', false],
      ['school_security', '2026.2', false],
      ['district_2027', '1', true],
    ]);
    expect(again.get({ id: 'district_2027', version: '1' }).title['zh-CN']).toBe(
      '区教育局 2027 版',
    );
  });

  it('keeps versions side by side: a newer one changes nothing already installed', () => {
    const dir = tempDir();
    const store = open(dir);
    store.install(bureauVersion('1'));
    store.install(bureauVersion('2', '区教育局 2027 版（修订）'));
    expect(store.get({ id: 'district_2027', version: '1' }).title['zh-CN']).toBe(
      '区教育局 2027 版',
    );
    expect(store.list()).toHaveLength(4);
  });

  it('accepts the same file twice, but refuses other content under the same id and version', () => {
    const store = open(tempDir());
    store.install(bureauVersion('1'));
    expect(() => store.install(bureauVersion('1'))).not.toThrow();
    expect(() => store.install(bureauVersion('1', '改过的'))).toThrow(
      expect.objectContaining({ code: 'template-exists' }),
    );
    expect(() =>
      store.install({ ...LATEST_BUILT_IN, title: { 'zh-CN': '冒充', 'en-US': 'fake' } }),
    ).toThrow(expect.objectContaining({ code: 'template-exists' }));
    expect(() =>
      store.install({ ...builtInTemplate('2026.1'), title: { 'zh-CN': '冒充', 'en-US': 'fake' } }),
    ).toThrow(expect.objectContaining({ code: 'template-exists' }));
  });

  it('keeps a damaged or misnamed template file aside, reports it, and carries on', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'templates'));
    fs.writeFileSync(
      path.join(dir, 'templates', 'broken@1.json'),
      '{"format": "qinglang-template/1", "id"',
    );
    fs.writeFileSync(path.join(dir, 'templates', 'other@9.json'), templateJson(bureauVersion('1')));
    const store = open(dir);
    expect(store.list()).toHaveLength(2);
    expect(store.notices.map((n) => n.file)).toEqual([
      'templates/broken@1.json',
      'templates/other@9.json',
    ]);
    expect(fs.readdirSync(path.join(dir, 'templates')).every((n) => n.includes('.corrupt-'))).toBe(
      true,
    );
  });

  it('says a template is not found rather than crashing', () => {
    expect(() => open(tempDir()).get({ id: 'nope', version: '1' })).toThrow(
      expect.objectContaining({ code: 'template-not-found' }),
    );
  });
});
