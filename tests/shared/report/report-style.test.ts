import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReportHtml } from '../../../shared/report/report-html';
import { REPORT_CSS } from '../../../shared/report/report-style';
import { reportInput } from './report-fixtures';

const indexHtml = fs.readFileSync('renderer/index.html', 'utf8');
const styleSrc = /style-src ([^;]+);/.exec(indexHtml)?.[1]?.split(' ') ?? [];

describe("the report's stylesheet and the app's CSP", () => {
  it('is allowed by exactly its hash, so the report view can show it and nothing else inline', () => {
    const hash = createHash('sha256').update(REPORT_CSS, 'utf8').digest('base64');
    // When this fails after a change to REPORT_CSS, put the new hash in renderer/index.html.
    expect(styleSrc, `renderer/index.html needs 'sha256-${hash}'`).toEqual([
      "'self'",
      `'sha256-${hash}'`,
    ]);
  });

  it('is the one style element of every report, character for character', () => {
    for (const language of ['zh-CN', 'en-US'] as const) {
      const html = buildReportHtml(reportInput({ language }));
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
      expect(styles).toEqual([REPORT_CSS]);
      // A style attribute is not covered by the hash: the report has none.
      expect(html).not.toMatch(/\sstyle=/);
    }
  });

  it('fetches nothing: no url() and no import in the stylesheet', () => {
    expect(REPORT_CSS).not.toMatch(/url\(|@import/);
  });
});
