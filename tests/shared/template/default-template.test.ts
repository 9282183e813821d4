import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import builtIn from '../../../resources/templates/school-security-2026.1.json';
import { evaluate } from '../../../shared/template/engine';
import { templateSchema } from '../../../shared/template/schema';
import { allItems } from '../../../shared/template/items';
import { templateJson } from '../../../shared/template/canonical';
import { checkTemplate } from '../../../shared/template/validate';

describe('the built-in school checklist', () => {
  const result = checkTemplate(builtIn);

  it('is a valid template', () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  const template = templateSchema.parse(builtIn);
  const items = allItems(template);

  it('ships in its canonical JSON form', () => {
    const file = fs.readFileSync('resources/templates/school-security-2026.1.json', 'utf8');
    expect(templateJson(template)).toBe(file);
  });

  it('covers every area of the campaign, with at least 50 items', () => {
    expect(template.sections.map((s) => s.id)).toEqual([
      'organisation',
      'assets',
      'firewall',
      'devices',
      'content',
      'publishing',
      'biometrics',
      'duty',
      'education',
    ]);
    expect(items.length).toBeGreaterThanOrEqual(50);
  });

  it('has the four registers: security devices, publicity channels, biometric systems, notified hazards', () => {
    expect(items.filter((i) => i.kind === 'register').map((i) => i.id)).toEqual([
      'dev_register',
      'media_register',
      'bio_register',
      'duty_hazards',
    ]);
  });

  it('gives every item guidance in both languages', () => {
    for (const item of items) expect(item.guidance, item.id).toBeDefined();
  });

  it('gives every item a legal basis, and the Cybersecurity Law its 2026 numbers with the old in brackets', () => {
    for (const item of items) expect(item.basis.length, item.id).toBeGreaterThan(0);
    const csl = items
      .flatMap((i) => i.basis)
      .filter((b) => b['zh-CN'].startsWith('《网络安全法》'));
    expect(csl.length).toBeGreaterThan(0);
    for (const basis of csl) expect(basis['zh-CN']).toMatch(/第.+条（原第.+条/);
    const unconfirmed = items.flatMap((i) => i.basis).filter((b) => !b.confirmed);
    for (const basis of unconfirmed) expect(basis['zh-CN']).toMatch(/未经|未引用/);
  });

  it('judges the signature library, firewall review, logs and custody agreements as the campaign asks', () => {
    const today = '2026-11-29';
    const findings = evaluate(
      template,
      {
        dev_av_signature_date: '2026-09-01',
        fw_review_date: '2026-01-10',
        fw_log_days: 90,
        bio_uses: 'yes',
        bio_register: [
          { system: '食堂', data: 'face', people: 1200, third_party: 'yes', assessment: 'yes' },
          {
            system: '门禁',
            data: 'face',
            people: 1500,
            third_party: 'yes',
            agreement_no: 'X-1',
            agreement_expiry: '2026-12-20',
            assessment: 'yes',
          },
        ],
        duty_hazards: [
          { source: 'cac', notified: '2026-10-01', issue: '弱口令', deadline: '2026-10-15' },
        ],
      },
      today,
    ).findings.map((f) => `${f.itemId}${f.row === undefined ? '' : `[${f.row}]`} ${f.effect}`);
    expect(findings).toEqual([
      'fw_review_date non-compliant',
      'fw_log_days non-compliant',
      'dev_av_signature_date non-compliant',
      'bio_register[0] non-compliant',
      'bio_register[1] warning',
      'duty_hazards[0] non-compliant',
    ]);
  });
});
