import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { workbookToTemplate } from '../../../../electron/services/templates/template-xlsx-read';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function firstProblem(data: Uint8Array): string {
  const result = workbookToTemplate(data);
  if (result.ok) throw new Error('the file was read as a template');
  return `${result.problems[0]!.message['zh-CN']} / ${result.problems[0]!.message['en-US']}`;
}

describe('opening a workbook that is not a plain .xlsx', () => {
  it('says a password-protected workbook is encrypted, not an old .xls', () => {
    // What Office writes for an .xlsx with an open-password: an OLE container whose directory
    // names an EncryptedPackage stream (the rest of the bytes do not matter here).
    const data = Buffer.concat([
      Buffer.from(OLE_MAGIC),
      Buffer.alloc(1000),
      Buffer.from('EncryptionInfo', 'utf16le'),
      Buffer.alloc(40),
      Buffer.from('EncryptedPackage', 'utf16le'),
      Buffer.alloc(3000),
    ]);
    expect(firstProblem(data)).toMatch(/已加密.*encrypted/);
  });

  it('still says an old .xls is one, with what to do', () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['type', 'name']]), 'survey');
    const xls = XLSX.write(book, { type: 'buffer', bookType: 'xls' }) as Buffer;
    expect(firstProblem(xls)).toMatch(/旧版 Excel（\.xls）.*old Excel \(\.xls\)/);
  });
});
