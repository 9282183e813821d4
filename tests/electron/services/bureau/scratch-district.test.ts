import fs from 'node:fs';
import { it } from 'vitest';
import { builtInTemplate } from '../../../../electron/services/templates/template-store';
import { writeDistrictWorkbook } from '../../../../electron/services/bureau/district-write';
import { districtSheets } from '../../../../shared/bureau/district-sheets';
import { mergeDistrict } from '../../../../shared/bureau/merge';
import { intakes, templatesOf, textFileRejected, TODAY } from '../../../shared/bureau/fixtures';

it('scratch', () => {
  const v1 = intakes({ seed: 'pic', asOf: '2026-05-30', count: 14, template: builtInTemplate('2026.1'), signing: 'varied' });
  const v2 = intakes({ seed: 'pic', asOf: '2026-11-30', count: 12, signing: 'varied' });
  const all = [...v1, ...v2];
  const district = mergeDistrict(all.map((i) => i.accepted), [textFileRejected], templatesOf(all), {
    allowDrafts: false, today: TODAY,
    schools: [{ code: 'X-0001', name: '某某中学', district: '某区', stage: 'junior' }],
  });
  for (const language of ['zh-CN', 'en-US'] as const) {
    const sheets = districtSheets(district, { language, appVersion: '0.1.0', generatedAt: '2026-12-15T02:03:04Z', today: TODAY, allowDrafts: false, bureau: { name: '某某区教育局', district: '某某区' }, schoolList: [{ code: 'X-0001', name: '某某中学', district: '某区' }] });
    fs.writeFileSync(`/tmp/district-${language}.xlsx`, writeDistrictWorkbook(sheets));
  }
});
