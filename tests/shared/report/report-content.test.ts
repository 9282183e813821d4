import { describe, expect, it } from 'vitest';
import { buildReportHtml } from '../../../shared/report/report-html';
import { CHECK_TEXT, METHOD_TEXT, STATE_TEXT, T } from '../../../shared/report/report-text';
import { item, template } from '../template/fixtures';
import {
  action,
  b,
  evidence,
  filledInspection,
  newInspection,
  NOW,
  row,
  TEMPLATE,
} from '../inspection/fixtures';
import { reportInput, signedInspection } from './report-fixtures';

function visible(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ');
}

/** The rows of the table that follows a heading, each as its cells' visible text. */
function tableAfter(html: string, heading: string): string[][] {
  const start = html.indexOf(heading);
  expect(start, `heading ${heading}`).toBeGreaterThan(-1);
  const tableHtml = /<table[\s\S]*?<\/table>/.exec(html.slice(start))![0];
  return [...tableHtml.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => visible(c[1]!).trim()),
  );
}

const answered = (value: string | number, note?: string) => ({
  value,
  ...(note === undefined ? {} : { note }),
  evidence: [],
  updatedAt: NOW,
});

/** Findings on three items, a register with every kind of cell, actions open, overdue and done. */
function busyInspection() {
  return newInspection({
    answers: {
      leading_group: answered('non-compliant', '组长未到位'),
      has_budget: answered('no'),
      log_days: answered(90),
      backup: answered('router'),
    },
    registers: {
      devices: [
        row('r1', {
          name: '核心交换机',
          count: 2,
          bought: '2026-03-05',
          type: 'firewall',
          ok: 'yes',
        }),
        row('r2', { name: '旧防火墙', ok: 'no', scan: [evidence(4).sha256] }, [
          evidence(4, '照片.jpg'),
        ]),
      ],
    },
    actions: [
      action('a1', 'log_days', {
        description: '延长日志保存期',
        owner: '王老师',
        due: '2026-11-20',
      }),
      action('a2', 'leading_group', { due: '2026-12-31' }),
      action('a3', 'has_budget', {
        state: 'done',
        doneAt: '2026-11-28T03:00:00.000Z',
        doneOn: '2026-11-27',
        doneNote: '预算已列入\n下年度计划',
      }),
    ],
  });
}

describe('the report: what it says', () => {
  it('heads with the school, term, inspector, template and state', () => {
    const rows = tableAfter(buildReportHtml(reportInput()), '<table class="meta">');
    expect(rows).toEqual([
      ['学校名称', '清朗市第一中学', '学校标识码', '3101010001'],
      ['所属区县', '清朗区', '学段', '初级中学'],
      ['地址', '清朗区育才路 1 号', '联系人', '王老师 021-12345678'],
      ['检查学期', '2026 秋季学期', '检查人', '李老师'],
      ['检查表', '测试 1', '发布单位', '测试局'],
      ['报告日期', '2026年11月30日', '状态', '填写中（未签字）'],
    ]);
  });

  it('sums up counts by status, progress and the compliance rate, and each section', () => {
    const html = buildReportHtml(reportInput({ inspection: busyInspection() }));
    expect(tableAfter(html, '一、总体情况')).toEqual([
      ['检查项', '已填写', '完成度', '符合', '部分符合', '不符合', '不适用', '未答', '符合率'],
      // 1.1 不符合 (the answer), 1.2 部分符合 ("no"), 1.3 不符合 (90 < 180); the choice and the
      // register are filled in, not judged.
      ['5', '5', '100%', '0', '1', '2', '0', '0', '16.7%'],
    ]);
    expect(visible(html)).toContain(
      '共发现问题 3 项；整改措施 3 项：未完成 2 项（其中逾期 1 项），已完成 1 项。',
    );
    expect(tableAfter(html, '二、各部分符合情况').slice(1)).toEqual([
      ['1', '第0节', '3/3', '0', '1', '2', '0', '16.7%'],
      ['2', '第1节', '2/2', '0', '0', '0', '0', '—'],
    ]);
  });

  it('lists each finding with its status, its reasons and the note', () => {
    const rows = tableAfter(
      buildReportHtml(reportInput({ inspection: busyInspection() })),
      '三、存在的问题',
    );
    expect(rows).toEqual([
      ['序号', '检查项', '结论', '原因'],
      ['1', '1.1 问题 leading_group', '不符合', '自查结论 备注：组长未到位'],
      ['2', '1.2 问题 has_budget', '部分符合', expect.stringContaining('否')],
      ['3', '1.3 问题 log_days', '不符合', expect.stringContaining('180')],
    ]);
  });

  it('lists the corrective actions in template order: owner, due date, overdue, done with when and how', () => {
    const rows = tableAfter(
      buildReportHtml(reportInput({ inspection: busyInspection() })),
      '四、整改措施',
    );
    expect(rows).toEqual([
      ['序号', '检查项', '整改内容', '责任人', '整改期限', '完成情况'],
      ['1', '1.1 问题 leading_group', '更新防火墙策略', '张老师', '2026年12月31日', '未完成'],
      [
        '2',
        '1.2 问题 has_budget',
        '更新防火墙策略',
        '张老师',
        '2026年12月31日',
        '已完成（2026年11月27日） 预算已列入\n下年度计划',
      ],
      ['3', '1.3 问题 log_days', '延长日志保存期', '王老师', '2026年11月20日', '已逾期'],
    ]);
  });

  it('prints each register as a table, every cell as a person reads it', () => {
    const en = buildReportHtml(reportInput({ inspection: busyInspection(), language: 'en-US' }));
    expect(tableAfter(en, '5.1 Question devices')).toEqual([
      ['No.', 'Name', 'Count', 'Bought on', 'Type', 'Working', 'Scan'],
      ['1', '核心交换机', '2', '5 Mar 2026', 'Firewall', 'Yes', ''],
      ['2', '旧防火墙', '', '', '', 'No', '照片.jpg'],
    ]);
    const zh = buildReportHtml(reportInput({ inspection: busyInspection() }));
    expect(tableAfter(zh, '（一） 问题 devices')[1]).toEqual([
      '1',
      '核心交换机',
      '2',
      '2026年3月5日',
      '防火墙',
      '是',
      '',
    ]);
  });

  it('says why a row is flagged, beside the row, and names the row among the findings', () => {
    const judged = template([
      item('register', 'hazards', {
        columns: [
          { id: 'issue', kind: 'text', label: b('问题', 'Issue'), required: true },
          { id: 'fixed', kind: 'yesno', label: b('已整改', 'Fixed'), required: false },
        ],
        rowRules: [
          {
            id: 'open',
            when: { ref: 'fixed', op: 'eq', value: 'no' },
            effect: 'non-compliant',
            message: b('未整改', 'not fixed'),
          },
        ],
      }),
    ]);
    const inspection = newInspection({
      registers: {
        hazards: [
          row('h1', { issue: 'SQL 注入', fixed: 'yes' }),
          row('h2', { issue: '弱口令', fixed: 'no' }),
        ],
      },
      actions: [action('a1', 'hazards', { rowId: 'h2', description: '改口令' })],
    });
    const html = buildReportHtml(reportInput({ inspection, template: judged }));
    expect(tableAfter(html, '（一） 问题 hazards')).toEqual([
      ['序号', '问题', '已整改', '检查结论'],
      ['1', 'SQL 注入', '是', ''],
      ['2', '弱口令', '否', '未整改'],
    ]);
    expect(tableAfter(html, '三、存在的问题')[1]).toEqual([
      '1',
      '1.1 问题 hazards',
      '不符合',
      '第 2 行（弱口令）：未整改',
    ]);
    expect(tableAfter(html, '四、整改措施')[1]![1]).toBe('1.1 问题 hazards\n第 2 行（弱口令）');
  });

  it('says so where there is nothing: no findings, no actions, a register confirmed empty or not filled in', () => {
    const confirmed = buildReportHtml(
      reportInput({ inspection: newInspection({ registers: { devices: [] } }) }),
    );
    const squash = (html: string) => visible(html).replace(/\s+/g, ' ');
    const text = squash(confirmed);
    expect(text).toContain('三、存在的问题 本次检查未发现问题。');
    expect(text).toContain('四、整改措施 没有整改措施。');
    expect(text).toContain('（一） 问题 devices 本学期没有需要登记的内容。');
    expect(squash(buildReportHtml(reportInput()))).toContain('（一） 问题 devices 尚未填写。');
    const noRegisters = template([item('check', 'only')]);
    const en = buildReportHtml(reportInput({ template: noRegisters, language: 'en-US' }));
    expect(squash(en)).toContain('5. Registers This checklist has no registers.');
    expect(squash(en)).toContain('3. Findings No findings.');
  });

  it('is wholly in one language: no label of the other one', () => {
    const inspection = signedInspection({}, busyInspection());
    const texts = [T, STATE_TEXT, METHOD_TEXT, CHECK_TEXT].flatMap((group) => Object.values(group));
    for (const [language, other] of [
      ['zh-CN', 'en-US'],
      ['en-US', 'zh-CN'],
    ] as const) {
      const html = visible(buildReportHtml(reportInput({ inspection, language })));
      const foreign = texts
        .map((t) => t[other])
        .filter((t) => t.length > 3 && !texts.some((u) => u[language] === t) && html.includes(t));
      expect(foreign, language).toEqual([]);
    }
  });
});

describe('the report of the busy fixture', () => {
  it('keeps the filled-in fixture valid for the report too', () => {
    expect(() =>
      buildReportHtml(reportInput({ inspection: filledInspection(), template: TEMPLATE })),
    ).not.toThrow();
  });
});
