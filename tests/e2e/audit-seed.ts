import { createHash, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalText } from '../../shared/inspection/canonical';
import { createInspection } from '../../shared/inspection/create';
import type { AuditEntry, Inspection, Signoff } from '../../shared/inspection/schema';
import { signedContent } from '../../shared/inspection/signing';
import { templateJson } from '../../shared/template/canonical';
import { templateSchema } from '../../shared/template/schema';
import { PROFILE, SETTINGS_WITH_PROFILE } from './fixtures';

/**
 * A signed inspection with a long audit trail, written into the data folder as the app stores
 * it: 5,000 entries of every kind over a term, handed over, and signed by the principal with a
 * real Ed25519 signature (a key made here, as another school's computer would have).
 */

const TEMPLATE = templateSchema.parse(
  JSON.parse(
    readFileSync(
      path.resolve(
        path.dirname(fileURLToPath(import.meta.url)),
        '../../resources/templates/school-security-2026.1.json',
      ),
      'utf8',
    ),
  ),
);
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export const LONG_ID = '5b1f7d2e-8c3a-4e6f-9a0b-1c2d3e4f5a6b';
export const LONG_ENTRIES = 5000;
/** The note typed into the budget item in the middle of the term, to search for. */
export const NEEDLE = '年度网络安全经费已列入预算';

const START = Date.UTC(2026, 8, 1, 1, 0);
const at = (i: number) => new Date(START + i * 20 * 60_000).toISOString();

const ITEMS = ['org_leading_group', 'org_policies', 'assets_inventory', 'fw_default_deny'];
const VALUES = ['compliant', 'partial', 'non-compliant', 'na'];

/** Entry i of the term's work: answers, notes, cells, evidence and actions in turn. */
function entry(i: number): AuditEntry {
  const itemId = ITEMS[i % ITEMS.length]!;
  switch (i % 5) {
    case 0:
      return { at: at(i), event: 'answer', itemId, from: VALUES[i % 4]!, to: VALUES[(i + 1) % 4]! };
    case 1:
      return {
        at: at(i),
        event: 'note',
        itemId: 'org_budget',
        to: i === 2501 ? NEEDLE : `第 ${i} 次修改备注`,
      };
    case 2:
      return {
        at: at(i),
        event: 'rows-changed',
        itemId: 'dev_register',
        rowId: 'r1',
        columnId: 'firmware',
        from: `V${i - 1}`,
        to: `V${i}`,
      };
    case 3:
      return {
        at: at(i),
        event: 'evidence-added',
        itemId,
        detail: `照片-${i}.jpg`,
        sha256: sha256(String(i)),
      };
    default:
      return {
        at: at(i),
        event: 'action-changed',
        itemId,
        actionId: 'a1',
        detail: `整改措施第 ${i} 稿`,
      };
  }
}

function signedInspection(): Inspection {
  const created = createInspection({
    id: LONG_ID,
    template: { id: TEMPLATE.id, version: TEMPLATE.version, hash: sha256(templateJson(TEMPLATE)) },
    school: PROFILE as Inspection['school'],
    period: { year: 2026, term: 'autumn' },
    inspector: '李明',
    now: at(0),
  });
  const work = Array.from({ length: LONG_ENTRIES - 3 }, (_, i) => entry(i + 1));
  const signedAt = at(LONG_ENTRIES);
  const audit: AuditEntry[] = [
    ...created.audit,
    ...work,
    { at: at(LONG_ENTRIES - 1), event: 'state', from: 'draft', to: 'ready' },
    { at: signedAt, event: 'signed', detail: '王校长 校长' },
  ];
  const inspection: Inspection = {
    ...created,
    state: 'signed',
    updatedAt: signedAt,
    registers: { dev_register: [{ id: 'r1', cells: { type: 'firewall' }, evidence: [] }] },
    audit,
  };
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const covered = {
    signer: '王校长',
    title: '校长',
    date: signedAt.slice(0, 10),
    method: 'drawn' as const,
    image: {
      sha256: sha256('signature'),
      name: '签名.png',
      size: 9,
      type: 'image/png',
      addedAt: signedAt,
    },
    signedAt,
    auditCount: audit.length,
    publicKey: der.toString('base64'),
  };
  const text = canonicalText(signedContent(inspection, covered));
  const signoff: Signoff = {
    ...covered,
    keyFingerprint: sha256(der),
    contentHash: sha256(Buffer.from(text, 'utf8')),
    signature: sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'),
  };
  return { ...inspection, signoff };
}

/** The seed option of tests/e2e/fixtures.ts: settings in `language`, and the signed inspection. */
export function longTrailSeed(language: 'zh-CN' | 'en-US'): Record<string, string> {
  return {
    'settings.json': SETTINGS_WITH_PROFILE.replace(
      '"language":"zh-CN"',
      `"language":"${language}"`,
    ),
    [`inspections/${LONG_ID}.json`]: JSON.stringify({
      schemaVersion: 2,
      inspection: signedInspection(),
    }),
  };
}
