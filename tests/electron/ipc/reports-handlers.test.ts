import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { confStoreFactory } from '../../../electron/services/json-store';
import type { Logger } from '../../../electron/services/logger';
import { silentLogger } from '../../../electron/services/logger';
import type { PdfPrinter } from '../../../electron/services/report/pdf-printer';
import { createServices } from '../../../electron/services/services';
import type { Inspection } from '../../../shared/inspection/schema';
import { contract } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/define';
import { scribblePng, signed } from '../report/report-fixtures';
import { demo, INSPECTOR, PROFILE } from '../services/inspection-fixtures';
import { useTempDir } from '../temp-dir';

interface Html {
  html: string;
}
interface Pdf {
  fileName: string;
  dataBase64: string;
}

describe('the reports handlers, through the door', () => {
  const tempDir = useTempDir();

  async function setUp(options: { printer?: PdfPrinter; log?: Logger } = {}) {
    const services = createServices({
      dataDir: tempDir(),
      version: '0.0.0-test',
      shell: 'browser',
      storeFactory: confStoreFactory,
      log: options.log ?? silentLogger,
      ...(options.printer ? { printer: options.printer } : {}),
    });
    services.settings.update({ profile: PROFILE, inspector: INSPECTOR, language: 'zh-CN' });
    const dispatch = createDispatcher({
      contract,
      handlers: createHandlers(services),
      locale: () => services.settings.get().language,
      log: options.log ?? silentLogger,
    });
    const call = <T>(channel: string, input: unknown) =>
      dispatch(channel, input) as Promise<IpcResult<T>>;
    const png = scribblePng();
    const image = await services.evidence.addStream(Readable.from([png]), '签名.png', 'image/png');
    const [draft, other] = demo(2, 'reports-handlers') as [Inspection, Inspection];
    const signedOne = signed(other, { image });
    services.inspections.add([draft, signedOne]);
    return { services, call, draft, signedOne, png };
  }

  const value = <T>(result: IpcResult<T>): T => {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };

  it('builds the report HTML of a draft, in the language asked for, marked 草稿 / DRAFT', async () => {
    const { call, draft } = await setUp();
    const zh = value(await call<Html>('reports:html', { id: draft.id, language: 'zh-CN' })).html;
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain(draft.school.name);
    expect(zh).toContain('<div class="watermark" data-text="草稿" aria-hidden="true"></div>');
    const en = value(await call<Html>('reports:html', { id: draft.id, language: 'en-US' })).html;
    expect(en).toContain('<html lang="en-US">');
    expect(en).toContain('DRAFT');
  });

  it('embeds the drawn signature from the evidence store and states that the signature holds', async () => {
    const { call, signedOne, png } = await setUp();
    const html = value(
      await call<Html>('reports:html', { id: signedOne.id, language: 'zh-CN' }),
    ).html;
    expect(html).not.toContain('class="watermark');
    expect(html).toContain(`src="data:image/png;base64,${png.toString('base64')}"`);
    expect(html).toContain(signedOne.signoff!.contentHash);
    expect(html).toContain('有效：内容与签字时完全一致');
  });

  it('prints the same HTML with the footer of the page numbers and the content hash, and names the PDF', async () => {
    const print = vi.fn<PdfPrinter['print']>(() => Promise.resolve(Buffer.from('%PDF-1.7 test')));
    const { call, signedOne } = await setUp({ printer: { print } });
    const pdf = value(await call<Pdf>('reports:pdf', { id: signedOne.id, language: 'zh-CN' }));
    const { year, term } = signedOne.period;
    expect(pdf.fileName).toBe(`检查报告-${signedOne.school.code}-${year}-${term}.pdf`);
    expect(Buffer.from(pdf.dataBase64, 'base64').toString('latin1')).toBe('%PDF-1.7 test');
    const html = value(
      await call<Html>('reports:html', { id: signedOne.id, language: 'zh-CN' }),
    ).html;
    const [printed, pages] = print.mock.calls[0]!;
    expect(printed).toBe(html);
    expect(pages.footerTemplate).toContain(signedOne.signoff!.contentHash);
    expect(pages.footerTemplate).toContain('<span class="totalPages"></span>');
    expect(pages.headerTemplate).toContain(signedOne.school.name);
    const en = value(await call<Pdf>('reports:pdf', { id: signedOne.id, language: 'en-US' }));
    expect(en.fileName).toBe(`inspection-report-${signedOne.school.code}-${year}-${term}.pdf`);
  });

  it('says in the user language why no PDF can be made, and logs what went wrong inside', async () => {
    const { call, draft, services } = await setUp();
    const none = await call<Pdf>('reports:pdf', { id: draft.id, language: 'zh-CN' });
    expect(none).toEqual({
      ok: false,
      error: { code: 'pdf-unavailable', message: '这里无法生成 PDF。' },
    });
    services.close();

    const error = vi.fn();
    const log = { ...silentLogger, error } as Logger;
    const broken = await setUp({
      log,
      printer: {
        print: () => Promise.reject(new Error('Target page, context or browser has been closed')),
      },
    });
    const failed = await broken.call<Pdf>('reports:pdf', {
      id: broken.draft.id,
      language: 'en-US',
    });
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error.code).toBe('pdf-failed');
    expect(!failed.ok && failed.error.message).toMatch(/^生成 PDF 失败/);
    expect(error).toHaveBeenCalledWith('report.print-failed', expect.any(Error));
  });

  it('refuses an inspection that is not there, and a bad language, without building anything', async () => {
    const print = vi.fn<PdfPrinter['print']>();
    const { call, draft } = await setUp({ printer: { print } });
    const missing = await call('reports:html', {
      id: '00000000-0000-4000-8000-00000000ffff',
      language: 'zh-CN',
    });
    expect(!missing.ok && missing.error.code).toBe('inspection-not-found');
    const language = await call('reports:pdf', { id: draft.id, language: 'fr-FR' });
    expect(!language.ok && language.error.code).toBe('invalid-input');
    expect(print).not.toHaveBeenCalled();
  });
});
