import { describe, expect, it } from 'vitest';
import { inspectionJson } from '../../../shared/inspection/canonical';
import type { EvidenceRef, Inspection } from '../../../shared/inspection/schema';
import { AUTUMN_2026, INSPECTOR, NOW, openWorld, useStoreTempDir } from './inspection-fixtures';

const ref = (n: number, name: string): EvidenceRef => ({
  sha256: n.toString(16).padStart(64, '0'),
  name,
  size: 10,
  type: 'application/pdf',
  addedAt: NOW.toISOString(),
});

/** An inspection made elsewhere, as its exported file would arrive here. */
function exported(dataDir: string, change: (i: Inspection) => Inspection): unknown {
  const { store } = openWorld(dataDir);
  const { id } = store.create({ period: AUTUMN_2026, inspector: INSPECTOR });
  return JSON.parse(inspectionJson(change(store.exportJson(id))));
}

describe('importing an inspection reports what it cannot vouch for', () => {
  const tempDir = useStoreTempDir();

  it('keeps evidence references whose files are not here, and lists them', () => {
    const file = exported(tempDir(), (i) => ({
      ...i,
      answers: {
        org_leading_group: {
          value: 'compliant',
          evidence: [ref(1, '任命文件.pdf'), ref(2, '成员名单.pdf')],
          updatedAt: NOW.toISOString(),
        },
      },
      registers: {
        dev_register: [
          {
            id: 'r1',
            cells: { type: 'firewall' },
            evidence: [ref(2, '成员名单.pdf'), ref(3, '截图.png')],
          },
        ],
      },
    }));
    const here = new Set([ref(3, '').sha256]);
    const { store } = openWorld(tempDir(), { evidenceExists: (sha) => here.has(sha) });
    const outcome = store.importJson(file);
    expect(outcome).toMatchObject({
      status: 'imported',
      notices: [{ kind: 'evidence-missing', count: 2, names: ['任命文件.pdf', '成员名单.pdf'] }],
    });
    if (outcome.status !== 'imported') return;
    const stored = store.get(outcome.summary.id);
    expect(stored.answers['org_leading_group']!.evidence).toHaveLength(2);
    expect(stored.registers['dev_register']![0]!.evidence).toHaveLength(2);
  });

  it('brings a file that says signed, with no signature to verify, in as a draft, and says why', () => {
    const file = exported(tempDir(), (i) => ({ ...i, state: 'signed' }));
    const { store } = openWorld(tempDir());
    const outcome = store.importJson(file);
    expect(outcome).toMatchObject({ status: 'imported', notices: [{ kind: 'unsigned' }] });
    if (outcome.status !== 'imported') return;
    expect(outcome.summary.state).toBe('draft');
    const stored = store.get(outcome.summary.id);
    expect(stored.state).toBe('draft');
    expect(stored.audit.at(-1)).toEqual({
      at: NOW.toISOString(),
      event: 'imported',
      detail: 'signed-without-signature',
    });
  });

  it('says nothing more about a whole draft whose evidence is all here', () => {
    const file = exported(tempDir(), (i) => i);
    const outcome = openWorld(tempDir()).store.importJson(file);
    expect(outcome).toMatchObject({ status: 'imported', notices: [] });
  });
});
