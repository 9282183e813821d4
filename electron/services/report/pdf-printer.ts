import { AppError } from '../../../shared/errors';
import type { Logger } from '../logger';

export interface PrintOptions {
  /** Drawn at the foot of every page; Chromium fills in <span class="pageNumber"> and "totalPages". */
  readonly footerTemplate: string;
  /** Drawn at the head of every page; absent: nothing (never Chromium's own date and title). */
  readonly headerTemplate?: string;
}

/**
 * Turns a complete, self-contained HTML document into an A4 PDF. The shell provides it: the
 * desktop app prints in a hidden Electron window (desktop/electron-printer.ts); the browser
 * harness and the CLI, which have no Electron, in headless Chromium (chromium-printer.ts). Both
 * are given the same document and the same page templates (shared/report/).
 */
export interface PdfPrinter {
  print(html: string, options: PrintOptions): Promise<Buffer>;
}

/** For a process given no printer (tests, tools): says so rather than printing nothing. */
export const unavailablePrinter: PdfPrinter = {
  print() {
    return Promise.reject(new AppError('pdf-unavailable'));
  },
};

/**
 * The same printer, whose unexpected failures (a browser that crashed, a closed page) are logged
 * under `event` and reach the user as a bilingual 'pdf-failed'; its own AppErrors (no Chromium,
 * timed out) pass unchanged.
 */
export function explainingPrinter(printer: PdfPrinter, log: Logger, event: string): PdfPrinter {
  return {
    async print(html, options) {
      try {
        return await printer.print(html, options);
      } catch (error) {
        if (error instanceof AppError) throw error;
        log.error(event, error);
        throw new AppError('pdf-failed');
      }
    },
  };
}

/** How long one print may take, browser start included, before it is given up. */
export const PRINT_TIMEOUT_MS = 60_000;

/** Rejects with a bilingual 'pdf-failed' when `work` takes longer than `ms`. */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('pdf-failed', TIMED_OUT)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const TIMED_OUT = {
  'zh-CN': '生成 PDF 超时，已放弃。请重试；报告很长时（登记表有数千行）可能需要更久。',
  'en-US':
    'Making the PDF took too long and was given up. Try again; a very long report (registers with thousands of rows) may need more time.',
};
