import { describe, expect, it } from 'vitest';
import v2 from '../../../resources/templates/school-security-2026.2.json';
import type { Answers } from '../../../shared/template/engine';
import { evaluate } from '../../../shared/template/engine';
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

function judge(id: string, answers: Answers, today: string) {
  const result = evaluate(template, answers, today).items[id]!;
  return { visible: result.visible, status: result.status };
}

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

  it('judges log retention as six calendar months from the oldest log, in format /3', () => {
    expect(template.format).toBe('qinglang-template/3');
    const oldest = (date: string) =>
      judge('fw_oldest_log_date', { fw_oldest_log_date: date }, '2026-11-29').status;
    expect(oldest('2026-06-29')).toBe('non-compliant'); // five months ago
    expect(oldest('2026-04-29')).toBe('compliant'); // seven months ago
    expect(oldest('2026-05-29')).toBe('compliant'); // exactly six
    expect(oldest('2026-05-30')).toBe('non-compliant');
    // Six months before 31 August is 28 February.
    const onAug31 = (date: string) =>
      judge('fw_oldest_log_date', { fw_oldest_log_date: date }, '2026-08-31').status;
    expect([onAug31('2026-02-28'), onAug31('2026-03-01')]).toEqual(['compliant', 'non-compliant']);
    expect(item('fw_oldest_log_date').basis).toEqual([
      expect.objectContaining({ confirmed: true, 'zh-CN': expect.stringContaining('第（三）项') }),
    ]);
  });

  it('asks 184 days of a retention set in days: 180 is always short of six months', () => {
    const days = (n: number) => judge('fw_log_days', { fw_log_days: n }, '2026-11-29').status;
    expect([days(180), days(183), days(184), days(365)]).toEqual([
      'non-compliant',
      'non-compliant',
      'compliant',
      'compliant',
    ]);
    const [law, standard] = item('fw_log_days').basis;
    expect(law).toMatchObject({ confirmed: true, 'en-US': expect.stringContaining('six months') });
    // GB/T 22239 8.1.3.5 c) protects and backs up audit records; it sets no retention period.
    expect(standard).toMatchObject({
      confirmed: false,
      'zh-CN': expect.stringContaining('不规定留存时长'),
      'en-US': expect.stringContaining('sets no retention period'),
    });
  });

  it('marks CSL Art. 49 confirmed, saying where it fits: what users publish, where comments are open', () => {
    for (const id of ['media_register', 'content_past_review']) {
      const [csl] = item(id).basis;
      expect(csl, id).toMatchObject({
        confirmed: true,
        'zh-CN': expect.stringMatching(/^《网络安全法》第四十九条（原第四十七条）.*留言、评论/),
        'en-US': expect.stringMatching(
          /^Cybersecurity Law Art\. 49 \(formerly Art\. 47\).*comments/,
        ),
      });
    }
  });

  it('judges the MLPS assessment by the level the school states: level 3 yearly, level 2 every two years', () => {
    const ids = allItems(template).map((i) => i.id);
    const at = ids.indexOf('assets_mlps_level');
    expect(ids.slice(at, at + 3)).toEqual([
      'assets_mlps_level',
      'assets_mlps_test_date',
      'assets_mlps_test_date_l3',
    ]);
    const tested400DaysAgo = '2025-10-25'; // 400 days before 2026-11-29
    const on = (level: string, id: string, date = tested400DaysAgo) =>
      judge(id, { assets_mlps_level: level, [id]: date }, '2026-11-29');
    expect(on('level3', 'assets_mlps_test_date_l3')).toEqual({ visible: true, status: 'partial' });
    expect(on('level3', 'assets_mlps_test_date_l3', '2026-01-01').status).toBe('compliant');
    expect(on('level2', 'assets_mlps_test_date')).toEqual({ visible: true, status: 'compliant' });
    expect(on('level2', 'assets_mlps_test_date', '2024-11-01').status).toBe('partial');
    // Each date is asked only at its level; level 1 and ungraded systems are not assessed.
    expect(on('level2', 'assets_mlps_test_date_l3').visible).toBe(false);
    expect(on('level3', 'assets_mlps_test_date').visible).toBe(false);
    for (const level of ['none', 'level1'])
      for (const id of ['assets_mlps_test_date', 'assets_mlps_test_date_l3'])
        expect(on(level, id).visible, `${level} ${id}`).toBe(false);
  });

  it('asks for the separate rules for children under 14 right after guardian consent (PIPL Art. 31)', () => {
    const ids = allItems(template).map((i) => i.id);
    expect(ids[ids.indexOf('pi_consent') + 1]).toBe('pi_child_rules');
    const rules = item('pi_child_rules');
    expect(rules.kind).toBe('check');
    expect(rules.basis).toEqual([
      {
        'zh-CN': '《个人信息保护法》第三十一条',
        'en-US': 'Personal Information Protection Law Art. 31',
        confirmed: true,
      },
    ]);
    expect(judge('pi_child_rules', { pi_child_rules: 'non-compliant' }, '2026-11-29').status).toBe(
      'non-compliant',
    );
  });

  it('states both exceptions to keeping face data on the device', () => {
    const { prompt } = item('bio_local_storage');
    expect(prompt['zh-CN']).toContain('法律、行政法规另有规定或者取得个人单独同意的除外');
    expect(prompt['en-US']).toContain(
      'unless a law or administrative regulation provides otherwise, or the person has given separate consent',
    );
  });
});
