import { describe, expect, it } from 'vitest';
import {
  countByKind,
  filterAuditLines,
  isFiltered,
  NO_FILTER,
} from '../../../shared/inspection/audit-filter';
import { auditLines } from '../../../shared/inspection/audit-text';
import type { AuditEntry } from '../../../shared/inspection/schema';
import { evidence, filledInspection, sha, TEMPLATE } from './fixtures';

const at = (day: number, hour = 9) =>
  `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

const ENTRIES: AuditEntry[] = [
  { at: at(1), event: 'created' },
  { at: at(2), event: 'answer', itemId: 'leading_group', to: 'compliant' },
  { at: at(3), event: 'note', itemId: 'leading_group', to: '任命文件见附件' },
  {
    at: at(4),
    event: 'evidence-added',
    itemId: 'leading_group',
    detail: evidence(1).name,
    sha256: sha(1),
  },
  {
    at: at(5),
    event: 'rows-changed',
    itemId: 'devices',
    rowId: 'r2',
    columnId: 'type',
    to: 'firewall',
  },
  {
    at: at(6),
    event: 'action-added',
    itemId: 'has_budget',
    actionId: 'a1',
    detail: '申请网络安全经费',
  },
  { at: at(7), event: 'state', from: 'draft', to: 'ready' },
  { at: at(8), event: 'trashed' },
];

const lines = auditLines({ ...filledInspection(), audit: ENTRIES }, TEMPLATE);
const events = (filter: Partial<typeof NO_FILTER>, locale: 'zh-CN' | 'en-US' = 'zh-CN') =>
  filterAuditLines(lines, { ...NO_FILTER, ...filter }, locale).map((l) => l.entry.event);

describe('filtering the audit trail', () => {
  it('lets everything through when nothing is asked, in order', () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, text: '  ' })).toBe(false);
    expect(events({})).toEqual(ENTRIES.map((e) => e.event));
  });

  it('by kind of event', () => {
    expect(isFiltered({ ...NO_FILTER, kind: 'answers' })).toBe(true);
    expect(events({ kind: 'answers' })).toEqual(['answer', 'note']);
    expect(events({ kind: 'record' })).toEqual(['created', 'trashed']);
    expect(events({ kind: 'signoff' })).toEqual(['state']);
  });

  it('by section: only entries about its items', () => {
    expect(events({ sectionId: 's1' })).toEqual(['rows-changed']);
    expect(events({ sectionId: 's0' })).toEqual([
      'answer',
      'note',
      'evidence-added',
      'action-added',
    ]);
  });

  it('by words in what the entry says, in the UI language, any case, all of them', () => {
    expect(events({ text: '符合' })).toEqual(['answer']);
    expect(events({ text: 'COMPLIANT' }, 'en-US')).toEqual(['answer']);
    expect(events({ text: '防火墙' })).toEqual(['rows-changed']);
    expect(events({ text: 'firewall' }, 'en-US')).toEqual(['rows-changed']);
    expect(events({ text: '经费' })).toEqual(['action-added']);
    expect(events({ text: 'photo-1.jpg' })).toEqual(['evidence-added']);
    expect(events({ text: sha(1).slice(-8) })).toEqual(['evidence-added']);
    expect(events({ text: '附件 任命' })).toEqual(['note']);
    expect(events({ text: '附件 经费' })).toEqual([]);
    // The item's prompt is searched too.
    expect(events({ text: 'question leading_group' }, 'en-US')).toEqual([
      'answer',
      'note',
      'evidence-added',
    ]);
  });

  it('by time: from inclusive, until exclusive', () => {
    const from = Date.parse(at(3));
    const until = Date.parse(at(5));
    expect(events({ from, until })).toEqual(['note', 'evidence-added']);
    expect(events({ from: Date.parse(at(8)) })).toEqual(['trashed']);
    expect(events({ until: Date.parse(at(2)) })).toEqual(['created']);
  });

  it('with everything at once', () => {
    expect(
      events({ kind: 'answers', sectionId: 's0', text: '附件', from: Date.parse(at(1)) }),
    ).toEqual(['note']);
  });

  it('counts the entries of each kind', () => {
    expect(countByKind(lines)).toEqual({
      answers: 2,
      evidence: 1,
      registers: 1,
      actions: 1,
      signoff: 1,
      record: 2,
    });
  });
});
