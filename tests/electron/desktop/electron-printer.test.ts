import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import type { Mock } from 'vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronPrinter, PRINT_PARTITION } from '../../../electron/desktop/electron-printer';
import { AppError } from '../../../shared/errors';

type MockWindow = BrowserWindow & {
  options: { show: boolean; webPreferences: Record<string, unknown> };
  loaded: { file?: string };
  destroyed: boolean;
  webContents: BrowserWindow['webContents'] & {
    printToPDF: Mock;
    session: { webRequest: { onBeforeRequest: Mock } };
  };
};
const Mock = BrowserWindow as unknown as { instances: MockWindow[] };

/** Sets up the next print window once it exists, before it prints. */
function onNextWindow(setup: (window: MockWindow) => void): void {
  const original = BrowserWindow.prototype.loadFile;
  vi.spyOn(BrowserWindow.prototype, 'loadFile').mockImplementationOnce(function (
    this: BrowserWindow,
    file: string,
  ) {
    setup(this as MockWindow);
    return original.call(this, file);
  });
}

const HTML = '<!doctype html><html lang="zh-CN"><body><p>报告</p></body></html>';
const FOOTER = '<div>第 <span class="pageNumber"></span> 页</div>';

describe('the desktop report printer (a hidden Electron window)', () => {
  beforeEach(() => {
    Mock.instances.length = 0;
  });
  afterEach(() => vi.restoreAllMocks());

  it('prints the report from a temp file in a hidden, sandboxed window without script, then cleans up', async () => {
    let printedFile = '';
    let contentThen = '';
    onNextWindow((window) =>
      window.webContents.printToPDF.mockImplementationOnce(() => {
        printedFile = window.loaded.file!;
        contentThen = fs.readFileSync(printedFile, 'utf8');
        return Promise.resolve(Buffer.from('%PDF-1.7 made'));
      }),
    );
    const pdf = await createElectronPrinter().print(HTML, { footerTemplate: FOOTER });
    const window = Mock.instances[0]!;

    expect(pdf.toString('latin1')).toBe('%PDF-1.7 made');
    expect(contentThen).toBe(HTML);
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      partition: PRINT_PARTITION,
    });
    expect(window.options.webPreferences).not.toHaveProperty('preload');
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER,
      generateTaggedPDF: true,
      margins: { top: 20 / 25.4, right: 16 / 25.4, bottom: 24 / 25.4, left: 16 / 25.4 },
    });
    // The window is gone and so is the temp file.
    expect(window.destroyed).toBe(true);
    expect(fs.existsSync(printedFile)).toBe(false);
  });

  it('lets the page load its own file and data: images, and nothing else', async () => {
    await createElectronPrinter().print(HTML, { footerTemplate: FOOTER });
    const window = Mock.instances[0]!;
    const [filter] = window.webContents.session.webRequest.onBeforeRequest.mock.calls[0] as [
      (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void,
    ];
    const own = pathToFileURL(window.loaded.file!).href;
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      filter({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict(own)).toBe(false);
    expect(verdict('data:image/png;base64,iVBORw0KGgo=')).toBe(false);
    for (const url of [
      'https://example.com/font.woff',
      'http://127.0.0.1:8080/x',
      'file:///etc/passwd',
      `${own}?x`,
      'qinglang://app/index.html',
    ])
      expect(verdict(url), url).toBe(true);
  });

  it('passes a header template on, and destroys the window and the file when printing fails', async () => {
    onNextWindow((window) =>
      window.webContents.printToPDF.mockRejectedValueOnce(new Error('printing failed')),
    );
    const pending = createElectronPrinter().print(HTML, {
      footerTemplate: FOOTER,
      headerTemplate: '<div>页眉</div>',
    });
    await expect(pending).rejects.toThrow('printing failed');
    const window = Mock.instances[0]!;
    expect(window.webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ headerTemplate: '<div>页眉</div>' }),
    );
    expect(window.destroyed).toBe(true);
    expect(fs.existsSync(window.loaded.file!)).toBe(false);
  });

  it('gives up after its timeout with a message, and still cleans up', async () => {
    onNextWindow((window) =>
      window.webContents.printToPDF.mockReturnValueOnce(new Promise(() => undefined)),
    );
    const error = await createElectronPrinter(30)
      .print(HTML, { footerTemplate: FOOTER })
      .catch((e: unknown) => e);
    const window = Mock.instances[0]!;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('pdf-failed');
    expect(window.destroyed).toBe(true);
  });
});
