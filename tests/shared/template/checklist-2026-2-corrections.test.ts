import { describe, expect, it } from 'vitest';
import v2 from '../../../resources/templates/school-security-2026.2.json';
import { allItems } from '../../../shared/template/items';
import type { Item } from '../../../shared/template/schema';
import { checkTemplate } from '../../../shared/template/validate';

/** The items of the sources' §5 as corrected in 2026.2 (docs/checklist-changelog.md, "Changed"). */

const checked = checkTemplate(v2);
if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
const template = checked.template;
const byId = new Map(allItems(template).map((i) => [i.id, i]));
const item = (id: string): Item => byId.get(id) ?? expect.unreachable(`no item ${id}`);

const clause = (basis: { 'zh-CN': string }) => /8\.1\.\d\.\d/.exec(basis['zh-CN'])?.[0];

describe('the corrected items of 2026.2', () => {
  it('cites GB/T 22239 8.1.4.5 (computing environment) for endpoint antivirus, unconfirmed', () => {
    for (const id of ['dev_av_signature_date', 'dev_av_coverage']) {
      expect(
        item(id).basis.map((b) => b['zh-CN'].slice(0, 23)),
        id,
      ).toEqual(['GB/T 22239-2019 8.1.4.5']);
      expect(item(id).basis[0]!.confirmed, id).toBe(false);
      expect(item(id).basis[0]!['en-US'], id).toContain('not confirmed');
    }
    // Gateways and IPS sit at the boundary: dev_register keeps 8.1.3.3 and 8.1.3.4.
    expect(item('dev_register').basis.map(clause)).toEqual(['8.1.3.3', '8.1.3.4']);
  });
});
