import { z } from 'zod';
import type { Bilingual } from '../i18n/locale';
import type { CellDifference } from './compare';

/**
 * What checking a bureau workbook found, from worst to best. Only `signed` means the workbook is
 * exactly what the principal signed, data and every visible cell.
 */
export const WORKBOOK_STATUSES = [
  'unreadable',
  'not-workbook',
  'newer-format',
  'data-altered',
  'signature-invalid',
  'cells-differ',
  'draft',
  'signed',
] as const;
export type WorkbookStatus = (typeof WORKBOOK_STATUSES)[number];

export const cellDifferenceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('cell'),
    sheet: z.string(),
    cell: z.string(),
    signed: z.string(),
    found: z.string(),
  }),
  z.object({ kind: z.literal('missing-sheet'), sheet: z.string() }),
  z.object({ kind: z.literal('extra-sheet'), sheet: z.string() }),
]) satisfies z.ZodType<CellDifference>;

export const workbookCheckSchema = z.object({
  status: z.enum(WORKBOOK_STATUSES),
  /** Why, in both languages, in one sentence (the first difference, for cells-differ). */
  reason: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  differences: z.array(cellDifferenceSchema),
  /** How many differences there were; `differences` lists the first of them. */
  differenceCount: z.number().int().min(0),
  /** The signing key's fingerprint, when the data carries a sign-off. */
  fingerprint: z.string().optional(),
});
export type WorkbookCheck = z.infer<typeof workbookCheckSchema>;

const b = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });

/** One difference as a sentence: the sheet, the cell, what was signed and what is there. */
export function differenceText(difference: CellDifference, signedWord: Bilingual): Bilingual {
  switch (difference.kind) {
    case 'missing-sheet':
      return b(`缺少工作表“${difference.sheet}”`, `the sheet "${difference.sheet}" is missing`);
    case 'extra-sheet':
      return b(`多出工作表“${difference.sheet}”`, `there is an extra sheet "${difference.sheet}"`);
    default: {
      const shown = (v: string) => (v === '' ? b('（空）', '(empty)') : b(`“${v}”`, `"${v}"`));
      const signed = shown(difference.signed);
      const found = shown(difference.found);
      return b(
        `工作表“${difference.sheet}”${difference.cell} 单元格：${signedWord['zh-CN']}为 ${signed['zh-CN']}，现在为 ${found['zh-CN']}`,
        `sheet "${difference.sheet}", cell ${difference.cell}: ${signedWord['en-US']} ${signed['en-US']}, found ${found['en-US']}`,
      );
    }
  }
}

export const SIGNED_WORD = b('签字时', 'signed');
export const DATA_WORD = b('数据中', 'data says');
