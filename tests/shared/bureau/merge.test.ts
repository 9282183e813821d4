import { describe, expect, it } from 'vitest';
import {
  builtInTemplate,
  LATEST_BUILT_IN,
} from '../../../electron/services/templates/template-store';
import { mergeDistrict } from '../../../shared/bureau/merge';
import { allItems } from '../../../shared/template/items';
import { changed, intakes, templatesOf, textFileRejected, TODAY } from './fixtures';

const V1 = builtInTemplate('2026.1');
const base = { allowDrafts: false, today: TODAY };

describe('mergeDistrict', () => {
  it('merges schools on two checklist versions by item id; items a version lacks are absent', () => {
    const older = intakes({ seed: 'merge-mix', asOf: '2026-11-30', count: 4, template: V1 }).slice(
      0,
      2,
    );
    const newer = intakes({ seed: 'merge-mix', asOf: '2026-11-30', count: 4 }).slice(2);
    const all = [...older, ...newer];
    const district = mergeDistrict(
      all.map((i) => i.accepted),
      [],
      templatesOf(all),
      base,
    );

    expect(district.schools).toHaveLength(4);
    expect(district.templates.map((t) => t.version)).toEqual([LATEST_BUILT_IN.version, '2026.1']);
    const v1Ids = new Set(allItems(V1).map((i) => i.id));
    const v2Ids = allItems(LATEST_BUILT_IN).map((i) => i.id);
    // Every item of either version has one row, in the newest version's order first.
    expect(district.items.map((i) => i.id).sort()).toEqual(
      [...new Set([...v1Ids, ...v2Ids])].sort(),
    );
    const oldCodes = older.map((i) => i.accepted.submission.school.code);
    const newCodes = newer.map((i) => i.accepted.submission.school.code);
    for (const item of district.items) {
      for (const code of oldCodes) {
        const expected = v1Ids.has(item.id) ? 'a status' : 'absent';
        expect(item.bySchool[code] === 'absent' ? 'absent' : 'a status').toBe(expected);
      }
      for (const code of newCodes) expect(item.bySchool[code]).not.toBe('absent');
      expect(item.absent).toBe(v1Ids.has(item.id) ? 0 : 2);
      const statuses = Object.values(item.bySchool);
      expect(item.nonCompliant).toBe(statuses.filter((s) => s === 'non-compliant').length);
      expect(item.partial).toBe(statuses.filter((s) => s === 'partial').length);
    }
    // A school's answer to an item both versions ask is what its own submission says.
    const [first] = older;
    const shared = district.items.find((i) => v1Ids.has(i.id))!;
    const code = first!.accepted.submission.school.code;
    expect(shared.bySchool[code]).toBe(first!.accepted.submission.items[shared.id]);
  });

  it('keeps the latest signed submission of a school and term and reports the others', () => {
    const [one] = intakes({ seed: 'merge-dup', asOf: '2026-11-30', count: 1 });
    const original = one!.accepted;
    const signedAt = original.submission.signedAt!;
    const later = changed(original, 'resigned.xlsx', 'f'.repeat(64), {
      signedAt: new Date(Date.parse(signedAt) + 86_400_000).toISOString(),
    });
    const copy = { ...original, file: 'copy-of-it.xlsx' };
    const district = mergeDistrict([original, later, copy], [], templatesOf([one!]), base);
    expect(district.kept.map((k) => k.file)).toEqual(['resigned.xlsx']);
    expect(district.schools).toHaveLength(1);
    expect(district.schools[0]!.current.file).toBe('resigned.xlsx');
    const byFile = Object.fromEntries(district.duplicates.map((d) => [d.file, d]));
    expect(Object.keys(byFile).sort()).toEqual(['copy-of-it.xlsx', original.file].sort());
    for (const d of district.duplicates) {
      expect(d.keptFile).toBe('resigned.xlsx');
      expect(d.schoolCode).toBe(original.submission.school.code);
      expect(d.reason['zh-CN']).toContain('resigned.xlsx');
      expect(d.reason['en-US']).toContain('resigned.xlsx');
    }
  });

  it('reports the identical file read twice as the same file, whichever comes first', () => {
    const [one] = intakes({ seed: 'merge-same', asOf: '2026-11-30', count: 1 });
    const again = { ...one!.accepted, file: 'again/the-same.xlsx' };
    const district = mergeDistrict([one!.accepted, again], [], templatesOf([one!]), base);
    expect(district.kept).toHaveLength(1);
    expect(district.duplicates).toHaveLength(1);
    expect(district.duplicates[0]!.file).toBe('again/the-same.xlsx');
    expect(district.duplicates[0]!.reason['en-US']).toBe(`the same file as ${one!.accepted.file}`);
  });

  it('prefers a signed submission to a draft of the same term, even a later draft', () => {
    const [signed] = intakes({ seed: 'merge-draft-vs', asOf: '2026-11-30', count: 1 });
    const [draft] = intakes({
      seed: 'merge-draft-vs',
      asOf: '2026-11-30',
      count: 1,
      signing: 'none',
    });
    const laterDraft = changed(draft!.accepted, 'draft.xlsx', draft!.accepted.sha256, {
      updatedAt: '2027-01-01T00:00:00.000Z',
    });
    const district = mergeDistrict(
      [laterDraft, signed!.accepted],
      [],
      templatesOf([signed!, draft!]),
      { ...base, allowDrafts: true },
    );
    expect(district.kept.map((k) => k.file)).toEqual([signed!.accepted.file]);
    expect(district.duplicates.map((d) => d.file)).toEqual(['draft.xlsx']);
  });

  it('rejects drafts unless drafts are allowed, after the files rejected on reading', () => {
    const drafts = intakes({ seed: 'merge-drafts', asOf: '2026-11-30', count: 2, signing: 'none' });
    const accepted = drafts.map((d) => d.accepted);
    const refused = mergeDistrict(accepted, [textFileRejected], templatesOf(drafts), base);
    expect(refused.schools).toEqual([]);
    expect(refused.items).toEqual([]);
    expect(refused.rejected.map((r) => [r.file, r.status])).toEqual([
      [textFileRejected.file, textFileRejected.status],
      ...accepted.map((a) => [a.file, 'draft']),
    ]);
    expect(refused.rejected[1]!.reason['zh-CN']).toContain('草稿');

    const allowed = mergeDistrict(accepted, [], templatesOf(drafts), {
      ...base,
      allowDrafts: true,
    });
    expect(allowed.rejected).toEqual([]);
    expect(allowed.schools.map((s) => s.current.submission.signed)).toEqual([false, false]);
  });

  it('flags a school whose key differs from the one it signed an earlier term with', () => {
    const [spring] = intakes({ seed: 'merge-key', asOf: '2026-05-30', count: 1 });
    const [autumn] = intakes({ seed: 'merge-key', asOf: '2026-11-30', count: 1 });
    const sameKey = mergeDistrict(
      [spring!.accepted, autumn!.accepted],
      [],
      templatesOf([spring!, autumn!]),
      base,
    );
    expect(sameKey.kept.map((k) => k.keyChange)).toEqual([undefined, undefined]);

    const newKey = 'a'.repeat(64);
    const rekeyed = changed(autumn!.accepted, 'autumn.xlsx', autumn!.accepted.sha256, {
      keyFingerprint: newKey,
    });
    const district = mergeDistrict(
      [rekeyed, spring!.accepted],
      [],
      templatesOf([spring!, autumn!]),
      base,
    );
    const flagged = district.kept.find((k) => k.file === 'autumn.xlsx')!;
    expect(flagged.keyChange).toEqual({
      previous: spring!.accepted.submission.keyFingerprint,
      current: newKey,
    });
    expect(district.schools[0]!.current.keyChange).toEqual(flagged.keyChange);
    expect(district.kept.find((k) => k !== flagged)!.keyChange).toBeUndefined();
  });

  it('flags a key against the keys the bureau already holds for the school, not a known one', () => {
    const [one] = intakes({ seed: 'merge-known', asOf: '2026-11-30', count: 1 });
    const { code } = one!.accepted.submission.school;
    const key = one!.accepted.submission.keyFingerprint!;
    const earlier = 'b'.repeat(64);
    const other = mergeDistrict([one!.accepted], [], templatesOf([one!]), {
      ...base,
      knownKeys: { [code]: [earlier] },
    });
    expect(other.schools[0]!.current.keyChange).toEqual({ previous: earlier, current: key });
    const known = mergeDistrict([one!.accepted], [], templatesOf([one!]), {
      ...base,
      knownKeys: { [code]: [earlier, key] },
    });
    expect(known.schools[0]!.current.keyChange).toBeUndefined();
    const elsewhere = mergeDistrict([one!.accepted], [], templatesOf([one!]), {
      ...base,
      knownKeys: { ['__proto__']: [earlier], OTHER: [earlier] },
    });
    expect(elsewhere.schools[0]!.current.keyChange).toBeUndefined();
  });

  it("shows a school's latest term with the previous term's rate and the change", () => {
    const spring = intakes({ seed: 'merge-terms', asOf: '2026-05-30', count: 3 });
    const autumn = intakes({ seed: 'merge-terms', asOf: '2026-11-30', count: 3 });
    const all = [...autumn, ...spring];
    const district = mergeDistrict(
      all.map((i) => i.accepted),
      [],
      templatesOf(all),
      base,
    );
    expect(district.kept).toHaveLength(6);
    expect(district.schools).toHaveLength(3);
    for (const row of district.schools) {
      const now = autumn.find((i) => i.accepted.submission.school.code === row.code)!;
      const before = spring.find((i) => i.accepted.submission.school.code === row.code)!;
      expect(row.current.submission.period).toEqual(now.accepted.submission.period);
      const rate = now.accepted.submission.complianceRate;
      const previous = before.accepted.submission.complianceRate;
      expect(row.previousRate).toBe(previous);
      if (rate !== null && previous !== null)
        expect(row.rateChange).toBeCloseTo(rate - previous, 12);
      else expect(row.rateChange).toBeUndefined();
    }
    const single = mergeDistrict(
      autumn.map((i) => i.accepted),
      [],
      templatesOf(autumn),
      base,
    );
    for (const row of single.schools) {
      expect(row.previousRate).toBeUndefined();
      expect(row.rateChange).toBeUndefined();
    }
  });

  it('names the listed schools that sent nothing and marks each school listed or not', () => {
    const sent = intakes({ seed: 'merge-list', asOf: '2026-11-30', count: 2 });
    const [listedOne, unlisted] = sent.map((i) => i.accepted.submission.school);
    const missing = { code: 'MISSING-001', name: '未报送学校', district: '某区' };
    const district = mergeDistrict(
      sent.map((i) => i.accepted),
      [],
      templatesOf(sent),
      {
        ...base,
        schools: [
          { code: listedOne!.code, name: listedOne!.name, district: listedOne!.district },
          missing,
        ],
      },
    );
    expect(district.missing).toEqual([missing]);
    expect(Object.fromEntries(district.schools.map((s) => [s.code, s.listed]))).toEqual({
      [listedOne!.code]: true,
      [unlisted!.code]: false,
    });
    const noList = mergeDistrict(
      sent.map((i) => i.accepted),
      [],
      templatesOf(sent),
      base,
    );
    expect(noList.missing).toEqual([]);
    expect(noList.schools.map((s) => s.listed)).toEqual([undefined, undefined]);
  });

  it('counts open and overdue actions of the latest term as of the day given', () => {
    const sent = intakes({ seed: 'merge-actions', asOf: '2026-11-30', count: 5 });
    const district = mergeDistrict(
      sent.map((i) => i.accepted),
      [],
      templatesOf(sent),
      base,
    );
    for (const row of district.schools) {
      const { actions } = row.current.submission;
      expect(row.openActions).toBe(actions.filter((a) => a.state === 'open').length);
      expect(row.overdueActions).toBe(
        actions.filter((a) => a.state === 'open' && a.due < TODAY).length,
      );
    }
    const farFuture = mergeDistrict(
      sent.map((i) => i.accepted),
      [],
      templatesOf(sent),
      {
        ...base,
        today: '2000-01-01',
      },
    );
    expect(farFuture.schools.every((s) => s.overdueActions === 0)).toBe(true);
  });
});
