import fs from 'node:fs/promises';
import type { Bilingual } from '../../../shared/i18n/locale';
import type { TemplateProblem } from '../../../shared/template/validate';
import { allItems } from '../../../shared/template/items';
import type { TemplateFormat } from '../../services/templates/template-files';
import {
  formatOf,
  readTemplateFile,
  serializeTemplate,
} from '../../services/templates/template-files';
import { LATEST_BUILT_IN } from '../../services/templates/template-store';
import type { Template } from '../../../shared/template/schema';
import type { Command, ParsedArgs } from '../command';
import type { CliIo } from '../io';
import { bilingual, CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../io';

const OUT_HELP: Bilingual = {
  'zh-CN': '输出文件，按扩展名写成 .json 或 .xlsx',
  'en-US': 'output file, written as .json or .xlsx by its extension',
};

/** The --out file and the format its extension names; a usage error when either is missing. */
function outputOf(values: ParsedArgs['values']): { out: string; format: TemplateFormat } {
  const out = values.out;
  if (typeof out !== 'string') {
    throw new CliError(
      { 'zh-CN': '请用 --out 指定输出文件', 'en-US': 'name the output file with --out' },
      EXIT_USAGE,
    );
  }
  return { out, format: outputFormat(out) };
}

/** Reads and checks a template file; prints every problem and returns null when it is not valid. */
async function readChecked(file: string, io: CliIo): Promise<Template | null> {
  const checked = await readTemplateFile(file);
  if (checked.ok) return checked.template;
  printProblems(file, checked.problems, io);
  return null;
}

function outputFormat(file: string): TemplateFormat {
  const format = formatOf(file);
  if (!format) {
    throw new CliError(
      {
        'zh-CN': `输出文件“${file}”应以 .json 或 .xlsx 结尾`,
        'en-US': `the output file "${file}" must end in .json or .xlsx`,
      },
      EXIT_USAGE,
    );
  }
  return format;
}

async function write(file: string, data: Uint8Array): Promise<void> {
  try {
    await fs.writeFile(file, data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError({
      'zh-CN': `无法写入“${file}”（${code}）`,
      'en-US': `cannot write "${file}" (${code})`,
    });
  }
}

export function printProblems(file: string, problems: readonly TemplateProblem[], io: CliIo): void {
  io.err(
    `qinglang: ${bilingual({ 'zh-CN': `${file} 有 ${problems.length} 个问题`, 'en-US': `${file} has ${problems.length} problem(s)` })}`,
  );
  for (const problem of problems) {
    io.err(`  ${problem.path}: ${problem.message['zh-CN']} / ${problem.message['en-US']}`);
  }
}

export const templateDefaultCommand: Command = {
  name: 'template default',
  summary: {
    'zh-CN': '导出内置检查表模板（最新版本）',
    'en-US': 'write the built-in checklist template (its latest version)',
  },
  synopsis: '--out FILE',
  options: { out: { type: 'string' } },
  optionHelp: { out: OUT_HELP },
  positionals: [0, 0],
  async run({ values }, io) {
    const { out, format } = outputOf(values);
    await write(out, serializeTemplate(LATEST_BUILT_IN, format));
    io.out(`${out}: ${LATEST_BUILT_IN.id} ${LATEST_BUILT_IN.version}`);
    return EXIT_OK;
  },
};

export const templateCheckCommand: Command = {
  name: 'template check',
  summary: {
    'zh-CN': '检查模板文件（.json 或 .xlsx），列出全部问题',
    'en-US': 'check a template file (.json or .xlsx) and list every problem',
  },
  synopsis: 'FILE',
  options: {},
  positionals: [1, 1],
  async run({ positionals }, io) {
    const file = positionals[0]!;
    const t = await readChecked(file, io);
    if (!t) return EXIT_FAILURE;
    io.out(
      `${file}: ${bilingual({
        'zh-CN': `有效：${t.id} ${t.version}《${t.title['zh-CN']}》，${t.sections.length} 个章节，${allItems(t).length} 个检查项`,
        'en-US': `valid: ${t.id} ${t.version} "${t.title['en-US']}", ${t.sections.length} sections, ${allItems(t).length} items`,
      })}`,
    );
    return EXIT_OK;
  },
};

export const templateConvertCommand: Command = {
  name: 'template convert',
  summary: {
    'zh-CN': '在 JSON 和表格之间转换模板（无损）',
    'en-US': 'convert a template between JSON and spreadsheet (lossless)',
  },
  synopsis: 'IN --out OUT',
  options: { out: { type: 'string' } },
  optionHelp: { out: OUT_HELP },
  positionals: [1, 1],
  async run({ positionals, values }, io) {
    const input = positionals[0]!;
    const { out, format } = outputOf(values);
    const template = await readChecked(input, io);
    if (!template) return EXIT_FAILURE;
    await write(out, serializeTemplate(template, format));
    io.out(`${input} → ${out}`);
    return EXIT_OK;
  },
};
