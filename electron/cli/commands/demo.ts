import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { inspectionJson } from '../../../shared/inspection/canonical';
import { DEMO_AS_OF, DEMO_MAX_COUNT, DEMO_SEED } from '../../../shared/samples/demo';
import type { Inspection } from '../../../shared/inspection/schema';
import type { Template } from '../../../shared/template/schema';
import { isIsoDate } from '../../../shared/template/dates';
import { sampleData } from '../../services/sample-data';
import { LATEST_BUILT_IN } from '../../services/templates/template-store';
import type { Command, ParsedArgs } from '../command';
import type { CliIo } from '../io';
import { bilingual, CliError, EXIT_OK, EXIT_USAGE } from '../io';
import { namedTemplate, parseTemplateRef } from '../template-ref';

const usageError = (zh: string, en: string) =>
  new CliError(
    {
      'zh-CN': `${zh}（运行 qinglang demo --help 查看用法）`,
      'en-US': `${en} (see qinglang demo --help)`,
    },
    EXIT_USAGE,
  );

function countOf(values: ParsedArgs['values']): number {
  const raw = values.count;
  if (typeof raw !== 'string') {
    throw usageError('请用 --count 指定份数', 'give the number of samples with --count');
  }
  const count = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(count >= 1 && count <= DEMO_MAX_COUNT)) {
    throw usageError(
      `--count 应为 1 到 ${DEMO_MAX_COUNT} 之间的整数，而不是“${raw}”`,
      `--count must be a whole number from 1 to ${DEMO_MAX_COUNT}, not "${raw}"`,
    );
  }
  return count;
}

function asOfOf(values: ParsedArgs['values']): string {
  const raw = values['as-of'];
  if (raw === undefined) return DEMO_AS_OF;
  // The term's year must stay within what the format accepts (2000–2100), dates drawn around it too.
  if (typeof raw !== 'string' || !isIsoDate(raw) || raw < '2001-01-01' || raw > '2099-12-31') {
    throw usageError(
      `--as-of 应为 2001-01-01 到 2099-12-31 之间的日期（年-月-日），而不是“${String(raw)}”`,
      `--as-of must be a date (YYYY-MM-DD) from 2001-01-01 to 2099-12-31, not "${String(raw)}"`,
    );
  }
  return raw;
}

function seedOf(values: ParsedArgs['values']): string {
  const raw = values.seed;
  if (raw === undefined) return DEMO_SEED;
  if (typeof raw !== 'string' || raw === '') {
    throw usageError('--seed 不能为空', '--seed must not be empty');
  }
  return raw;
}

/** --template ID@VERSION: a built-in or installed template; the latest built-in without it. */
function templateOf(values: ParsedArgs['values'], io: CliIo): Template {
  const raw = values.template;
  if (raw === undefined) return LATEST_BUILT_IN;
  const ref = typeof raw === 'string' ? parseTemplateRef(raw) : null;
  if (!ref) {
    throw usageError(
      `--template 应为“编号@版本”，如 school_security@2026.1，而不是“${String(raw)}”`,
      `--template must be ID@VERSION, e.g. school_security@2026.1, not "${String(raw)}"`,
    );
  }
  return namedTemplate(ref, io.env);
}

const fileNameOf = (inspection: Inspection): string =>
  `${inspection.school.code}-${inspection.period.year}-${inspection.period.term}.json`;

/**
 * Each file appears whole or not at all: written under a fresh temporary name, then renamed over
 * the target (rename replaces atomically on the same disk), so a reader or a crash never sees half.
 */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.${randomUUID()}.tmp`;
  try {
    await fs.writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw cannotWrite(file, error);
  }
}

function cannotWrite(file: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return new CliError({
    'zh-CN': `无法写入“${file}”（${code}）`,
    'en-US': `cannot write "${file}" (${code})`,
  });
}

export const demoCommand: Command = {
  name: 'demo',
  summary: {
    'zh-CN': '生成示例检查（可重现，用于演示、培训和测试）',
    'en-US': 'write sample inspections (reproducible: for demos, training and tests)',
  },
  synopsis:
    '--out DIR --count N [--seed S] [--as-of YYYY-MM-DD] [--unsigned] [--template ID@VERSION]',
  options: {
    out: { type: 'string' },
    count: { type: 'string' },
    seed: { type: 'string' },
    'as-of': { type: 'string' },
    unsigned: { type: 'boolean' },
    template: { type: 'string' },
  },
  optionHelp: {
    out: {
      'zh-CN':
        '输出文件夹（不存在则创建）；每所学校一个 <学校标识码>-<年>-<学期>.json，同名文件会被替换',
      'en-US':
        'output folder (created if missing); one <code>-<year>-<term>.json per school, replacing a file of the same name',
    },
    count: {
      'zh-CN': `学校数量，1 到 ${DEMO_MAX_COUNT}，每所学校名称和标识码都不同`,
      'en-US': `how many schools, 1 to ${DEMO_MAX_COUNT}, each with its own name and code`,
    },
    seed: {
      'zh-CN': `随机种子（默认 ${DEMO_SEED}）；种子和日期相同，生成的文件逐字节相同`,
      'en-US': `random seed (default ${DEMO_SEED}); the same seed and date give byte-identical files`,
    },
    'as-of': {
      'zh-CN': `以哪一天为“今天”（默认 ${DEMO_AS_OF}）：学期、所有日期和时间都由它推算，不读取电脑时钟`,
      'en-US': `the day taken as "today" (default ${DEMO_AS_OF}): the term and every date and time derive from it, never the computer's clock`,
    },
    unsigned: {
      'zh-CN': '不签名：每份都是草稿（默认时多数学校已由校长签字，每所学校用自己的密钥）',
      'en-US':
        "leave every sample a draft (by default most schools' principals have signed, each school with its own key)",
    },
    template: {
      'zh-CN': `按哪个检查表模板填写，写作“编号@版本”，可以是内置的或已导入本机的（默认为最新的内置版本 ${LATEST_BUILT_IN.id}@${LATEST_BUILT_IN.version}）`,
      'en-US': `the checklist template to fill in, as ID@VERSION, built in or installed on this computer (default: the latest built-in, ${LATEST_BUILT_IN.id}@${LATEST_BUILT_IN.version})`,
    },
  },
  positionals: [0, 0],
  async run({ values }, io) {
    const out = values.out;
    if (typeof out !== 'string' || out === '') {
      throw usageError('请用 --out 指定输出文件夹', 'name the output folder with --out');
    }
    const count = countOf(values);
    const seed = seedOf(values);
    const asOf = asOfOf(values);
    const template = templateOf(values, io);

    const samples = sampleData({
      count,
      seed,
      asOf,
      signing: values.unsigned === true ? 'none' : 'varied',
      template,
    });
    try {
      await fs.mkdir(out, { recursive: true });
    } catch (error) {
      throw cannotWrite(out, error);
    }
    // Only the inspections: like an exported file, a sample refers to its evidence and signature
    // images by hash (docs/formats.md, "Sample data").
    for (const { inspection } of samples) {
      await writeAtomically(path.join(out, fileNameOf(inspection)), inspectionJson(inspection));
    }
    const signed = samples.filter((s) => s.inspection.state === 'signed').length;
    io.out(
      bilingual({
        'zh-CN': `已写入 ${count} 份示例检查到 ${out}（已签字 ${signed} 份）`,
        'en-US': `Wrote ${count} sample inspections to ${out} (${signed} signed)`,
      }),
    );
    return EXIT_OK;
  },
};
