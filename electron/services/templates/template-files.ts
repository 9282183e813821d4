import fs from 'node:fs/promises';
import path from 'node:path';
import { templateJson } from '../../../shared/template/canonical';
import { MAX_TEMPLATE_BYTES } from '../../../shared/template/limits';
import type { Template } from '../../../shared/template/schema';
import type { TemplateCheck } from '../../../shared/template/validate';
import { checkTemplate } from '../../../shared/template/validate';
import type { CheckOptions } from '../../../shared/template/validate-conditions';
import { nameLocations } from '../../../shared/template/validate-problems';
import { jsonSyntaxProblem, withoutByteOrderMark } from '../json-text';
import { workbookToTemplate } from './template-xlsx-read';
import { templateToWorkbook } from './template-xlsx-write';

export type TemplateFormat = 'json' | 'xlsx';

export function formatOf(fileName: string): TemplateFormat | null {
  const ext = path.extname(fileName).toLowerCase();
  return ext === '.json' ? 'json' : ext === '.xlsx' ? 'xlsx' : null;
}

const fail = (zh: string, en: string): TemplateCheck => ({
  ok: false,
  problems: [{ path: 'file', message: { 'zh-CN': zh, 'en-US': en } }],
});

const tooLarge = (size: number) =>
  fail(
    `文件太大（${(size / 1024 / 1024).toFixed(1)} MB），模板文件不能超过 ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB`,
    `the file is too large (${(size / 1024 / 1024).toFixed(1)} MB); a template file is at most ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB`,
  );

/** Reads a template from a file's bytes, by its name's extension; every problem at once. */
export function parseTemplateFile(fileName: string, data: Uint8Array): TemplateCheck {
  const format = formatOf(fileName);
  if (!format)
    return fail('只能导入 .json 或 .xlsx 文件', 'only .json or .xlsx files can be imported');
  if (data.length === 0) return fail('文件是空的', 'the file is empty');
  if (data.length > MAX_TEMPLATE_BYTES) return tooLarge(data.length);
  return format === 'xlsx'
    ? workbookToTemplate(data)
    : parseTemplateJson(Buffer.from(data).toString('utf8'), {});
}

/**
 * Reads a template's JSON text. By default as one read back from the data folder (installed
 * earlier, perhaps by an older version: see CheckOptions); an import passes `{}`, the full check.
 */
export function parseTemplateJson(
  text: string,
  options: CheckOptions = { stored: true },
): TemplateCheck {
  const body = withoutByteOrderMark(text);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const problem = jsonSyntaxProblem(body, error);
    return fail(problem['zh-CN'], problem['en-US']);
  }
  const checked = checkTemplate(value, options);
  return checked.ok ? checked : { ok: false, problems: nameLocations(checked.problems, value) };
}

/** Reads a template file from disk, checking its size before reading it. */
export async function readTemplateFile(file: string): Promise<TemplateCheck> {
  let size: number;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return fail('这不是一个文件', 'this is not a file');
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return fail(`无法读取文件（${code}）`, `the file cannot be read (${code})`);
  }
  if (size > MAX_TEMPLATE_BYTES) return tooLarge(size);
  return parseTemplateFile(file, await fs.readFile(file));
}

export function serializeTemplate(template: Template, format: TemplateFormat): Uint8Array {
  return format === 'json'
    ? Buffer.from(templateJson(template), 'utf8')
    : templateToWorkbook(template);
}
