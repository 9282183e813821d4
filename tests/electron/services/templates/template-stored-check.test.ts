import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateFileName } from '../../../../electron/services/data-layout';
import { silentLogger } from '../../../../electron/services/logger';
import { parseTemplateFile } from '../../../../electron/services/templates/template-files';
import { openTemplateStore } from '../../../../electron/services/templates/template-store';
import { templateJson } from '../../../../shared/template/canonical';
import type { Template } from '../../../../shared/template/schema';
import { templateSchema } from '../../../../shared/template/schema';
import { useTempDir } from '../../temp-dir';

const BUILT_IN_2026_1 = templateSchema.parse(
  JSON.parse(
    fs.readFileSync(
      path.join(import.meta.dirname, '../../../../resources/templates/school-security-2026.1.json'),
      'utf8',
    ),
  ),
);

/**
 * A district template installed by an earlier version of the app, whose condition compares a
 * date item with '2026/9/1': accepted then (with no defined meaning), refused on import now.
 */
function olderDistrictTemplate(): Template {
  const t = structuredClone(BUILT_IN_2026_1);
  const [section] = t.sections;
  const item = section!.items[1]!;
  section!.items[1] = {
    ...item,
    visibleIf: { ref: 'org_policy_review_date', op: 'lt', value: '2026/9/1' },
  };
  return { ...t, id: 'district_2025', version: '2025.1' };
}

describe('a rule added to the template check since a template was installed', () => {
  const tempDir = useTempDir();

  it('refuses the template on import, naming what to write instead', () => {
    const check = parseTemplateFile(
      'district.json',
      Buffer.from(templateJson(olderDistrictTemplate())),
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((p) => p.message['en-US']).join('\n')).toContain(
      "compare the date item org_policy_review_date with a date in quotes written '2026-09-01'",
    );
  });

  it('does not set aside the same template already installed: inspections pinned to it still open', () => {
    const dataDir = tempDir();
    const template = olderDistrictTemplate();
    const dir = path.join(dataDir, 'templates');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, templateFileName(template)), templateJson(template));
    const store = openTemplateStore({
      dataDir,
      log: silentLogger,
      defaultRef: () => undefined,
      now: () => new Date('2026-11-29T00:00:00Z'),
    });
    expect(store.notices).toEqual([]);
    expect(
      store.get({ id: 'district_2025', version: '2025.1' }).sections[0]!.items[1]!.visibleIf,
    ).toEqual({ ref: 'org_policy_review_date', op: 'lt', value: '2026/9/1' });
  });
});
