import { describe, expect, it } from 'vitest';
import type { Inspection } from '../../../shared/inspection/schema';
import { buildReportHtml } from '../../../shared/report/report-html';
import {
  action,
  evidence,
  filledInspection,
  newInspection,
  NOW,
  row,
  TEMPLATE,
} from '../inspection/fixtures';
import { reportInput, SIGNATURE_DATA_URL, signedInspection } from './report-fixtures';

/** What a reader sees: the text without style, tags or entities, spaces collapsed. */
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

const report = (...args: Parameters<typeof reportInput>) => buildReportHtml(reportInput(...args));

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>&amp;\'';

describe('buildReportHtml: a self-contained document', () => {
  it('is a whole HTML document in its language, with its own CSP, no script and nothing to fetch', () => {
    for (const language of ['zh-CN', 'en-US'] as const) {
      const html = report({ inspection: filledInspection(), language });
      expect(html.startsWith('<!doctype html>\n')).toBe(true);
      expect(html).toContain(`<html lang="${language}">`);
      expect(html).toContain(
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
      );
      expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|\son\w+=|javascript:/i);
      expect(html).not.toMatch(/(src|href)="(?!data:)/);
    }
  });

  it('escapes every text from the inspection and the template, wherever it goes', () => {
    const base = filledInspection();
    const inspection: Inspection = {
      ...base,
      school: { ...base.school, name: HOSTILE, address: HOSTILE, contactName: HOSTILE },
      inspector: HOSTILE,
      answers: {
        ...base.answers,
        has_budget: { value: 'no', note: HOSTILE, evidence: [], updatedAt: NOW },
      },
      registers: {
        devices: [row('r1', { name: HOSTILE, scan: [evidence(3).sha256] }, [evidence(3, HOSTILE)])],
      },
      actions: [action('a1', 'has_budget', { description: HOSTILE, owner: HOSTILE })],
    };
    const hostileTemplate = {
      ...TEMPLATE,
      title: { 'zh-CN': HOSTILE, 'en-US': HOSTILE },
      sections: TEMPLATE.sections.map((s) => ({
        ...s,
        title: { 'zh-CN': HOSTILE, 'en-US': HOSTILE },
      })),
    };
    const html = report({
      inspection: {
        ...signedInspection({ signer: HOSTILE, title: HOSTILE, comment: HOSTILE }, inspection),
      },
      template: hostileTemplate,
    });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('"><img');
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&amp;amp;&#39;',
    );
    // Every place the hostile text went, a reader sees it as written.
    const seen = visible(html).split(HOSTILE).length - 1;
    expect(seen).toBeGreaterThanOrEqual(10);
  });
});

describe('buildReportHtml: drafts and signed reports', () => {
  it('marks every page of an unsigned report 草稿 / DRAFT, and leaves its signature lines blank', () => {
    const zh = report({ inspection: newInspection({ state: 'ready' }) });
    expect(zh).toContain('<div class="watermark" data-text="草稿" aria-hidden="true"></div>');
    expect(visible(zh)).toContain('本报告尚未经校长签字，仅供审阅。');
    expect(visible(zh)).toContain('年\u3000\u3000月\u3000\u3000日');
    expect(zh).not.toContain('<img');
    expect(zh).not.toContain('内容散列');
    const en = report({ language: 'en-US' });
    expect(en).toContain('<div class="watermark" data-text="DRAFT" aria-hidden="true"></div>');
    expect(visible(en)).toContain('This report has not been signed by the principal');
  });

  it('shows a drawn signature on its line, who signed, when, and what the signature covers', () => {
    const inspection = signedInspection();
    const html = report({ inspection, signatureImage: SIGNATURE_DATA_URL });
    expect(html).not.toContain('class="watermark');
    expect(html).toContain(
      `<img class="sign-image" src="${SIGNATURE_DATA_URL}" alt="校长（签字） 王校长">`,
    );
    const text = visible(html);
    expect(text).toContain('王校长');
    expect(text).toContain('2026年11月30日');
    // 02:10 UTC is 10:10 in Beijing.
    expect(text).toContain('2026年11月30日 10:10');
    expect(text).toContain(inspection.signoff!.contentHash);
    expect(text).toContain('3f2a 9c01 3f2a 9c01');
    expect(text).toContain('有效：内容与签字时完全一致');
    expect(text).toContain('屏幕手写签名');
  });

  it('says the drawn signature is not on this computer when its image is missing, and embeds only PNG or JPEG data', () => {
    for (const image of [
      undefined,
      'data:image/svg+xml;base64,PHN2Zz4=',
      'javascript:alert(1)',
      'data:image/png;base64,"><x',
    ]) {
      const html = report({
        inspection: signedInspection(),
        ...(image ? { signatureImage: image } : {}),
      });
      expect(html).not.toContain('<img');
      expect(visible(html)).toContain('手写签名图片不在本机，未能附上。');
    }
  });

  it('leaves a line to sign for a paper sign-off and names the attached scan', () => {
    const inspection = signedInspection({ method: 'paper', image: evidence(7, '签字页.pdf') });
    const html = report({ inspection, signatureImage: SIGNATURE_DATA_URL, language: 'en-US' });
    expect(html).not.toContain('<img');
    expect(visible(html)).toContain('its scan is attached to the inspection: 签字页.pdf');
    expect(visible(html)).toContain('Signed on paper');
  });

  it('warns on every page when the signature does not hold', () => {
    const changed = report({ inspection: signedInspection(), signatureStatus: 'changed' });
    expect(changed).toContain(
      '<div class="watermark long" data-text="签名无效" aria-hidden="true"></div>',
    );
    expect(changed).toContain('<p class="notice">签名校验：不成立：签字之后内容被改动过</p>');
    const invalid = report({
      inspection: signedInspection(),
      signatureStatus: 'invalid',
      language: 'en-US',
    });
    expect(invalid).toContain('SIGNATURE INVALID');
    expect(visible(invalid)).toContain(
      'Signature check: Invalid: the signature, key or hash was altered',
    );
  });
});
