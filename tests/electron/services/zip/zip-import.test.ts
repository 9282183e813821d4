import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import builtIn from '../../../../resources/templates/school-security-2026.1.json';
import { parseTemplateFile } from '../../../../electron/services/templates/template-files';
import { templateToWorkbook } from '../../../../electron/services/templates/template-xlsx-write';
import { readZip } from '../../../../electron/services/zip/zip-reader';
import { templateSchema } from '../../../../shared/template/schema';
import type { EntrySpec } from './zip-builder';
import { buildZip, zeros, zipWithHiddenEnd } from './zip-builder';

/** The built-in template's workbook, entry by entry, to rebuild with one part that lies. */
function templateEntries(): EntrySpec[] {
  const read = readZip(templateToWorkbook(templateSchema.parse(builtIn)));
  if (!read.ok) throw new Error(read.reason);
  return read.entries.map((entry) => ({ name: entry.name, content: entry.data }));
}

function problemsOf(data: Uint8Array) {
  const result = parseTemplateFile('bureau.xlsx', data);
  return result.ok ? 'imported' : result.problems.map((p) => `${p.path}: ${p.message['en-US']}`);
}

const DAMAGED = ['file: the workbook is damaged or incomplete and cannot be read'];

describe('a crafted workbook is refused at the template import, not inflated', () => {
  it('the template workbook rebuilt honestly imports (the control)', () => {
    expect(problemsOf(buildZip({ entries: templateEntries() }))).toBe('imported');
  });

  it('(a) a part stored by the central directory but deflated by its local header', () => {
    const bomb = deflateRawSync(zeros(64), { level: 9 });
    const lying: EntrySpec = {
      name: 'xl/media/a.bin',
      content: bomb,
      method: 0,
      local: { method: 8 },
    };
    const zip = buildZip({ entries: [...templateEntries(), lying] });
    expect(zip.length).toBeLessThan(200 * 1024);
    expect(problemsOf(zip)).toEqual(DAMAGED);
  });

  it('(b) a second end record in the comment, naming a bomb no guard saw', () => {
    const zip = zipWithHiddenEnd(templateEntries(), [{ name: 'xl/a.bin', content: zeros(32) }]);
    expect(problemsOf(zip)).toEqual(DAMAGED);
    const result = parseTemplateFile('bureau.xlsx', zip);
    expect(result.ok ? [] : result.problems[0]!.message['zh-CN']).toBe(
      '工作簿已损坏或不完整，无法读取',
    );
  });

  it('an encrypted part, with its own message in both languages', () => {
    const locked = { flags: 1 };
    const entries = templateEntries().map((e, i) =>
      i === 0 ? { ...e, local: locked, central: locked } : e,
    );
    const result = parseTemplateFile('bureau.xlsx', buildZip({ entries }));
    expect(result.ok ? [] : result.problems).toEqual([
      {
        path: 'file',
        message: {
          'zh-CN': '工作簿已加密，无法读取：请导入未加密的 .xlsx 文件',
          'en-US': 'the workbook is encrypted and cannot be read: import an unencrypted .xlsx file',
        },
      },
    ]);
  });

  it('a workbook that unpacks past the budget, as before', () => {
    const zip = buildZip({
      entries: [...templateEntries(), { name: 'xl/a.bin', content: zeros(40) }],
    });
    expect(problemsOf(zip)).toEqual([
      'file: the workbook unpacks to more than 30 MB and does not look like a template',
    ]);
  });
});
