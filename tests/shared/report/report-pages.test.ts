import { describe, expect, it } from 'vitest';
import { reportFileName, reportPageTemplates } from '../../../shared/report/report-pages';
import { newInspection } from '../inspection/fixtures';
import { signedInspection } from './report-fixtures';

describe('the page header and footer both printers draw', () => {
  it('numbers the pages 第 X 页 共 Y 页 / Page X of Y, for Chromium to fill in', () => {
    const zh = reportPageTemplates(newInspection(), 'zh-CN', 'unsigned').footerTemplate;
    expect(zh).toContain(
      '第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页',
    );
    const en = reportPageTemplates(newInspection(), 'en-US', 'unsigned').footerTemplate;
    expect(en).toContain(
      'Page <span class="pageNumber"></span> of <span class="totalPages"></span>',
    );
  });

  it('carries the content hash and the grouped key fingerprint of a signed report, 未签字 otherwise', () => {
    const inspection = signedInspection();
    const { footerTemplate } = reportPageTemplates(inspection, 'zh-CN', 'valid');
    expect(footerTemplate).toContain(inspection.signoff!.contentHash);
    expect(footerTemplate).toContain('3f2a 9c01 3f2a 9c01 3f2a 9c01 3f2a 9c01 3f2a 9c01');
    expect(footerTemplate).not.toContain('未签字');
    const draft = reportPageTemplates(newInspection(), 'zh-CN', 'unsigned').footerTemplate;
    expect(draft).toContain('内容散列：未签字');
    expect(reportPageTemplates(newInspection(), 'en-US', 'unsigned').footerTemplate).toContain(
      'Content hash: not signed',
    );
    const broken = reportPageTemplates(inspection, 'en-US', 'changed').footerTemplate;
    expect(broken).toContain('Does not hold: the content was changed after signing');
  });

  it('heads each page with the school, the term and the title, escaped, and fetches nothing', () => {
    const base = newInspection();
    const inspection = {
      ...base,
      school: { ...base.school, name: '<img src=x onerror=alert(1)>' },
    };
    const { headerTemplate, footerTemplate } = reportPageTemplates(inspection, 'zh-CN', 'unsigned');
    expect(headerTemplate).toContain(
      '&lt;img src=x onerror=alert(1)&gt; · 2026 秋季学期 · 网络安全自查报告',
    );
    expect(headerTemplate).toContain('3101010001');
    for (const template of [headerTemplate, footerTemplate]) {
      expect(template).not.toMatch(/<img|<script|url\(|\ssrc="/);
      // Chromium's default size in these templates is too small to read: every one sets its own.
      expect(template).toMatch(/font-size: \d+pt/);
    }
  });
});

describe('reportFileName', () => {
  it('names the PDF by school code and term, in the report language', () => {
    expect(reportFileName(newInspection(), 'zh-CN')).toBe('检查报告-3101010001-2026-autumn.pdf');
    expect(reportFileName(newInspection(), 'en-US')).toBe(
      'inspection-report-3101010001-2026-autumn.pdf',
    );
  });
});
