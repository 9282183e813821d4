import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportKey, useReportStore } from '../../../renderer/stores/report-store';
import { installFakeApi } from '../fake-api';
import { catchDownloads } from '../fixtures';

const ID = '7d0c1f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';
const OTHER = '9a1b2c3d-2a61-4c1a-9a5e-1f0e8c7d6b5a';

/** The Node side: a report per inspection and language, and its PDF; every call recorded. */
function fakeNode(fail?: string) {
  const calls: [string, unknown][] = [];
  installFakeApi({
    answers: {
      'reports:html': (input) => {
        calls.push(['html', input]);
        const { id, language } = input as { id: string; language: string };
        if (fail === 'html')
          return {
            ok: false as const,
            error: {
              code: 'inspection-not-found',
              message: '找不到这份检查，它可能已被删除或移入回收站。',
            },
          };
        const result = {
          ok: true as const,
          value: { html: `<!doctype html><p>${id} ${language}</p>` },
        };
        // The first inspection's report is slow to come: it arrives after a later one.
        if (id !== ID) return result;
        return new Promise((resolve) => setTimeout(() => resolve(result), 30)) as never;
      },
      'reports:pdf': (input) => {
        calls.push(['pdf', input]);
        if (fail === 'pdf')
          return {
            ok: false as const,
            error: {
              code: 'pdf-unavailable',
              message: '没有找到 Chromium 或 Chrome，无法生成 PDF。',
            },
          };
        return {
          ok: true as const,
          value: { fileName: '检查报告-1111000001-2026-autumn.pdf', dataBase64: btoa('%PDF-1.7') },
        };
      },
    },
  });
  return calls;
}

describe('the report store', () => {
  beforeEach(() => useReportStore.getState().clear());
  afterEach(() => useReportStore.getState().clear());

  it('loads the report of an inspection in the language asked for, and says which it holds', async () => {
    const calls = fakeNode();
    await useReportStore.getState().load(ID, 'en-US');
    expect(calls).toEqual([['html', { id: ID, language: 'en-US' }]]);
    const state = useReportStore.getState();
    expect(state.html).toBe(`<!doctype html><p>${ID} en-US</p>`);
    expect(state.shown).toBe(reportKey(ID, 'en-US'));
    expect(state.error).toBeNull();
  });

  it('keeps only the last report asked for when an earlier one arrives after it', async () => {
    fakeNode();
    const first = useReportStore.getState().load(ID, 'zh-CN');
    const second = useReportStore.getState().load(OTHER, 'zh-CN');
    await second;
    expect(useReportStore.getState().shown).toBe(reportKey(OTHER, 'zh-CN'));
    await first;
    expect(useReportStore.getState().shown).toBe(reportKey(OTHER, 'zh-CN'));
    expect(useReportStore.getState().html).toContain(OTHER);
  });

  it("keeps the Node side's message when the report cannot be made", async () => {
    fakeNode('html');
    await useReportStore.getState().load(ID, 'zh-CN');
    expect(useReportStore.getState()).toMatchObject({
      html: null,
      shown: null,
      error: '找不到这份检查，它可能已被删除或移入回收站。',
    });
  });

  it('hands the PDF to the download under its name, and is busy only while it is made', async () => {
    const calls = fakeNode();
    const downloads = catchDownloads();
    try {
      const pending = useReportStore.getState().exportPdf(ID, 'zh-CN');
      expect(useReportStore.getState().exporting).toBe(true);
      expect(await pending).toBe('检查报告-1111000001-2026-autumn.pdf');
      expect(useReportStore.getState().exporting).toBe(false);
      expect(calls).toEqual([['pdf', { id: ID, language: 'zh-CN' }]]);
      expect(downloads.downloads.map((d) => d.name)).toEqual([
        '检查报告-1111000001-2026-autumn.pdf',
      ]);
      const { blob } = downloads.downloads[0]!;
      expect(blob.type).toBe('application/pdf');
      expect(await blob.text()).toBe('%PDF-1.7');
    } finally {
      downloads.restore();
    }
  });

  it('passes a failed PDF on to the caller with its message, and is no longer busy', async () => {
    fakeNode('pdf');
    await expect(useReportStore.getState().exportPdf(ID, 'zh-CN')).rejects.toThrow(
      '没有找到 Chromium 或 Chrome，无法生成 PDF。',
    );
    expect(useReportStore.getState().exporting).toBe(false);
  });
});
