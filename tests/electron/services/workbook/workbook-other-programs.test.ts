import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../../shared/i18n/locale';
import { workbookInspection } from '../../../../shared/workbook/envelope';
import { verifyWorkbook } from '../../../../electron/services/workbook/workbook-verify';
import { exportOf, samples, signedAfter, tempDir, withOpenpyxl } from './workbook-fixtures';

/** The workbook converted to .xlsx again by LibreOffice headless, as a bureau might. */
function withLibreOffice(bytes: Uint8Array): Buffer {
  const dir = tempDir();
  const input = path.join(dir, 'in', 'book.xlsx');
  const outDir = path.join(dir, 'out');
  fs.mkdirSync(path.dirname(input));
  fs.writeFileSync(input, bytes);
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/lo-profile-${process.pid}`,
        '--headless',
        '--convert-to',
        'xlsx',
        '--outdir',
        outDir,
        input,
      ],
      { stdio: 'pipe', timeout: 110_000 },
    );
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? 'LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui'
        : `LibreOffice failed: ${(error as Error).message}`,
    );
  }
  return fs.readFileSync(path.join(outDir, 'book.xlsx'));
}

/** A signed sample with text a spreadsheet program might mangle: rare characters, "=", a tab. */
function awkward() {
  return signedAfter((inspection) => {
    const answers = { ...inspection.answers };
    const ids = Object.keys(answers);
    const notes = [
      '𠀀𪚥 生僻字与表情 😀',
      '=SUM(1,2)',
      '\t缩进的备注',
      '第一行\n第二行',
      '@张老师',
    ];
    ids.slice(0, notes.length).forEach((id, n) => {
      answers[id] = { ...answers[id]!, note: notes[n]! };
    });
    return { ...inspection, answers };
  });
}

describe('a workbook opened and saved unchanged by another program', { timeout: 60_000 }, () => {
  it('still verifies after openpyxl loads and saves it (signed and drafts, both languages)', () => {
    for (const inspection of [...samples('varied', 3), awkward()]) {
      for (const language of LOCALES) {
        const { check, envelope } = verifyWorkbook(withOpenpyxl(exportOf(inspection, language)));
        expect(check.status, check.reason['en-US']).toBe(inspection.signoff ? 'signed' : 'draft');
        expect(envelope?.inspection).toEqual(workbookInspection(inspection));
      }
    }
  });

  it('still verifies after LibreOffice converts it to xlsx again', { timeout: 240_000 }, () => {
    const signed = awkward();
    const draft = samples('none', 1)[0]!;
    for (const [inspection, language] of [
      [signed, 'zh-CN'],
      [draft, 'en-US'],
    ] as const) {
      const converted = withLibreOffice(exportOf(inspection, language));
      const { check, envelope } = verifyWorkbook(converted);
      expect(check.status, check.reason['en-US']).toBe(inspection.signoff ? 'signed' : 'draft');
      expect(envelope?.inspection).toEqual(workbookInspection(inspection));
    }
  });
});
