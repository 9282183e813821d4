import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EvidenceRef, Inspection } from '../../shared/inspection/schema';
import { demoInspections } from '../../shared/samples/demo';
import { templateJson } from '../../shared/template/canonical';
import { templateSchema } from '../../shared/template/schema';
import { scribblePng, signed } from '../electron/report/report-fixtures';
import { PROFILE, SETTINGS_WITH_PROFILE } from './fixtures';

/**
 * Two inspections of the built-in checklist as the app stores them: this term's draft, with
 * findings, corrective actions and full registers, and last term's, signed by the principal on
 * screen with a real Ed25519 signature. The drawn signature's PNG goes into the data folder by
 * `writeSignatureImage` (the seed option writes text only).
 */
const BUILT_IN = fileURLToPath(
  new URL('../../resources/templates/school-security-2026.1.json', import.meta.url),
);
const TEMPLATE = templateSchema.parse(JSON.parse(readFileSync(BUILT_IN, 'utf8')));
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const [DRAFT, LAST_TERM] = demoInspections({
  count: 2,
  seed: 'report-e2e',
  asOf: '2026-11-30',
  template: TEMPLATE,
  templateHash: sha256(templateJson(TEMPLATE)),
  sha256,
  signing: 'none',
}) as [Inspection, Inspection];

const PNG = scribblePng();
const IMAGE: EvidenceRef = {
  sha256: sha256(PNG),
  name: '校长签名.png',
  size: PNG.length,
  type: 'image/png',
  addedAt: '2026-06-30T02:00:00.000Z',
};

export const draft: Inspection = { ...DRAFT, school: PROFILE as Inspection['school'] };
export const signedOne: Inspection = signed(
  {
    ...LAST_TERM,
    school: PROFILE as Inspection['school'],
    period: { year: 2026, term: 'spring' },
  },
  { image: IMAGE, comment: '同意。请按期完成整改。', at: '2026-06-30T02:10:00.000Z' },
);

export function reportSeed(language: 'zh-CN' | 'en-US'): Record<string, string> {
  return {
    'settings.json': SETTINGS_WITH_PROFILE.replace(
      '"language":"zh-CN"',
      `"language":"${language}"`,
    ),
    [`inspections/${draft.id}.json`]: JSON.stringify({ schemaVersion: 2, inspection: draft }),
    [`inspections/${signedOne.id}.json`]: JSON.stringify({
      schemaVersion: 2,
      inspection: signedOne,
    }),
  };
}

/** Puts the drawn signature's PNG where the evidence store keeps it. */
export async function writeSignatureImage(dataDir: string): Promise<void> {
  const file = path.join(dataDir, 'evidence', IMAGE.sha256.slice(0, 2), IMAGE.sha256);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, PNG);
}
