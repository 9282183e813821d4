import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import v2 from '../../../resources/templates/school-security-2026.2.json';
import v1 from '../../../resources/templates/school-security-2026.1.json';
import { evaluate } from '../../../shared/template/engine';
import type { Answers } from '../../../shared/template/engine';
import { templateSchema } from '../../../shared/template/schema';
import { allItems } from '../../../shared/template/items';
import { templateJson } from '../../../shared/template/canonical';
import { checkTemplate } from '../../../shared/template/validate';

const FILE = 'resources/templates/school-security-2026.2.json';
const TODAY = '2026-11-29';

/** The checks of 2026.2 that 2026.1 lacks (docs/checklist-changelog.md lists their sources). */
const ADDED = [
  'org_agenda',
  'org_classified_offline',
  'room_power',
  'room_fire',
  'room_access',
  'dev_contractor_passwords',
  'dev_contractor_password_date',
  'dev_config_backup_date',
  'dev_networked_register',
  'dev_screens_protected',
  'dev_iot_protected',
  'content_malicious_listing',
  'content_no_exam_hype',
  'pub_broadcast_screen_review',
  'pub_apps_selection_policy',
  'online_meetings_protected',
  'online_groups_members',
  'online_groups_invite_approval',
  'bio_face_alternative',
  'duty_leader_on_duty',
  'duty_holiday_shutdown',
  'edu_student_internet_rules',
  'edu_student_devices',
];

describe('the built-in school checklist 2026.2', () => {
  const template = templateSchema.parse(v2);
  const items = allItems(template);
  const byId = new Map(items.map((i) => [i.id, i]));

  /** What the engine says of one item for these answers: its status and its findings. */
  const judge = (id: string, answers: Answers) => {
    const result = evaluate(template, answers, TODAY);
    return {
      status: result.items[id]?.status,
      findings: result.findings
        .filter((f) => f.itemId === id)
        .map((f) => `${f.row === undefined ? '' : `[${f.row}] `}${f.effect}`),
    };
  };

  it('is a valid template, in its canonical JSON form, of the same id as 2026.1', () => {
    const result = checkTemplate(v2);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(templateJson(template)).toBe(fs.readFileSync(FILE, 'utf8'));
    expect([template.id, template.version]).toEqual([v1.id, '2026.2']);
  });

  it('adds the missing checks, each with guidance and a basis in both languages', () => {
    const ids = items.map((i) => i.id);
    expect(ids.filter((id) => ADDED.includes(id)).sort()).toEqual([...ADDED].sort());
    for (const id of ADDED) {
      const item = byId.get(id)!;
      expect(item.guidance, id).toBeDefined();
      expect(item.basis.length, id).toBeGreaterThan(0);
      for (const basis of item.basis.filter((b) => !b.confirmed)) {
        expect(basis['zh-CN'], id).toMatch(/未经|未引用/);
        expect(basis['en-US'], id).toMatch(/not confirmed|no clause cited/);
      }
    }
  });

  it('puts the server room and the online channels in sections of their own', () => {
    expect(template.sections.map((s) => s.id)).toEqual([
      'organisation',
      'assets',
      'firewall',
      'room',
      'devices',
      'content',
      'publishing',
      'online',
      'biometrics',
      'duty',
      'education',
    ]);
    const sectionOf = (id: string) =>
      template.sections.find((s) => s.items.some((i) => i.id === id))?.id;
    expect(sectionOf('room_fire')).toBe('room');
    expect(sectionOf('online_groups_invite_approval')).toBe('online');
    expect(sectionOf('dev_networked_register')).toBe('devices');
  });

  it('judges the key-device configuration backup by its age: a quarter partly, a year not at all', () => {
    expect(judge('dev_config_backup_date', { dev_config_backup_date: '2026-10-01' }).status).toBe(
      'compliant',
    );
    expect(judge('dev_config_backup_date', { dev_config_backup_date: '2026-06-01' })).toEqual({
      status: 'partial',
      findings: ['partial'],
    });
    expect(judge('dev_config_backup_date', { dev_config_backup_date: '2025-06-01' }).status).toBe(
      'non-compliant',
    );
  });

  it("only reminds when the key devices' passwords were last changed over a year ago", () => {
    expect(
      judge('dev_contractor_password_date', { dev_contractor_password_date: '2026-09-01' }),
    ).toEqual({ status: 'answered', findings: [] });
    expect(
      judge('dev_contractor_password_date', { dev_contractor_password_date: '2025-09-01' }),
    ).toEqual({ status: 'answered', findings: ['warning'] });
  });

  it('asks about face recognition alternatives only where the school uses biometrics', () => {
    const hidden = evaluate(template, { bio_uses: 'no' }, TODAY).items.bio_face_alternative;
    expect(hidden?.visible).toBe(false);
    const asked = judge('bio_face_alternative', {
      bio_uses: 'yes',
      bio_face_alternative: 'non-compliant',
    });
    expect(asked).toEqual({ status: 'non-compliant', findings: ['non-compliant'] });
  });

  describe('the register of networked screens and devices', () => {
    const row = (cells: Record<string, string>) => ({
      type: 'camera',
      location: '教学楼一楼',
      network: 'campus',
      default_password_changed: 'yes',
      administrator: '王老师',
      last_checked: '2026-09-01',
      ...cells,
    });
    const register = (...rows: Record<string, string>[]) =>
      judge('dev_networked_register', { dev_networked_register: rows });

    it('passes devices that are protected and checked this term, and an empty register', () => {
      expect(register(row({}), row({ type: 'led', network: 'offline' }))).toEqual({
        status: 'compliant',
        findings: [],
      });
      expect(register().status).toBe('compliant');
    });

    it('flags a default password as non-compliant', () => {
      expect(register(row({}), row({ default_password_changed: 'no' }))).toEqual({
        status: 'non-compliant',
        findings: ['[1] non-compliant'],
      });
    });

    it('flags every kind of screen on the internet, but not a camera or a screen on the campus network', () => {
      for (const type of ['led', 'spliced', 'class_board', 'smart_blackboard']) {
        expect(register(row({ type, network: 'internet' })).findings, type).toEqual([
          '[0] non-compliant',
        ]);
      }
      expect(register(row({ network: 'internet' })).findings).toEqual([]);
      expect(register(row({ type: 'led', network: 'campus' })).findings).toEqual([]);
      const message = evaluate(
        template,
        { dev_networked_register: [row({ type: 'spliced', network: 'internet' })] },
        TODAY,
      ).findings[0]?.message['zh-CN'];
      expect(message).toBe(
        '电子屏接入了互联网：公共场所的电子显示屏不应接入互联网，改为校园内网或单机播放',
      );
    });

    it('judges a check more than 183 days old (a term) partly compliant, and reminds when no date is given', () => {
      expect(register(row({ last_checked: '2026-05-30' }))).toEqual({
        status: 'compliant',
        findings: [],
      });
      expect(register(row({ last_checked: '2026-05-29' }))).toEqual({
        status: 'partial',
        findings: ['[0] partial'],
      });
      const undated: Record<string, string> = row({});
      delete undated.last_checked;
      expect(register(undated)).toEqual({ status: 'compliant', findings: ['[0] warning'] });
    });
  });
});
