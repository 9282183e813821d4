import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import { REPORT_MARGINS } from '../../shared/report/report-pages';
import type { PdfPrinter } from '../services/report/pdf-printer';
import { PRINT_TIMEOUT_MS, withTimeout } from '../services/report/pdf-printer';

/** A session of its own, in memory only: the print window shares nothing with the app's page. */
export const PRINT_PARTITION = 'qinglang-report-print';

/** Chromium's margins in inches, from the report's millimetres. */
const inches = (mm: string) => Number.parseFloat(mm) / 25.4;

/**
 * Prints in a hidden window of the desktop app: never shown, sandboxed, no script, no preload, a
 * session of its own that lets the page fetch nothing but the report's own file and its data:
 * images. The report goes through a temp file (a data: URL is capped at 2 MB, and a report with
 * long registers is more), removed afterwards; the window is destroyed whatever happens.
 */
export function createElectronPrinter(timeoutMs = PRINT_TIMEOUT_MS): PdfPrinter {
  return {
    async print(html, { footerTemplate, headerTemplate }) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'qinglang-report-'));
      const file = path.join(dir, 'report.html');
      const window = new BrowserWindow({
        show: false,
        width: 794,
        height: 1123,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          javascript: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          webviewTag: false,
          experimentalFeatures: false,
          navigateOnDragDrop: false,
          spellcheck: false,
          partition: PRINT_PARTITION,
        },
      });
      try {
        await writeFile(file, html, 'utf8');
        const own = pathToFileURL(file).href;
        window.webContents.session.webRequest.onBeforeRequest((details, callback) => {
          callback({ cancel: details.url !== own && !details.url.startsWith('data:') });
        });
        await withTimeout(window.loadFile(file), timeoutMs);
        const pdf = await withTimeout(
          window.webContents.printToPDF({
            pageSize: 'A4',
            printBackground: true,
            displayHeaderFooter: true,
            headerTemplate: headerTemplate ?? '<span></span>',
            footerTemplate,
            // Headings, tables and reading order for screen readers.
            generateTaggedPDF: true,
            margins: {
              top: inches(REPORT_MARGINS.top),
              right: inches(REPORT_MARGINS.right),
              bottom: inches(REPORT_MARGINS.bottom),
              left: inches(REPORT_MARGINS.left),
            },
          }),
          timeoutMs,
        );
        return Buffer.from(pdf);
      } finally {
        if (!window.isDestroyed()) window.destroy();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
