import type { Bilingual } from '../../../shared/i18n/locale';
import { diffTemplates } from '../../../shared/template/diff';
import {
  COLUMN_FIELD_LABELS,
  DIFF_LABELS,
  diffCounts,
  ITEM_FIELD_LABELS,
  ROW_RULE_FIELD_LABELS,
} from '../../../shared/template/diff-labels';
import type { ItemChange, ItemEntry, TemplateDiff } from '../../../shared/template/diff-schema';
import type { Template } from '../../../shared/template/schema';
import { formatOf, readTemplateFile } from '../../services/templates/template-files';
import type { Command } from '../command';
import type { CliIo } from '../io';
import { bilingual, CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../io';
import { namedTemplate, parseTemplateRef } from '../template-ref';
import { printProblems } from './template';

/** Like diff(1): 0 the same, 1 different, 2 trouble (usage, a file or version that cannot be read). */
const EXIT_TROUBLE = EXIT_USAGE;

const both = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });
const joinBoth = (parts: readonly Bilingual[], zh: string, en: string): Bilingual =>
  both(parts.map((p) => p['zh-CN']).join(zh), parts.map((p) => p['en-US']).join(en));

/** A file (.json / .xlsx, read as `template check` reads it) or an installed `ID@VERSION`. */
async function load(arg: string, io: CliIo): Promise<Template> {
  if (formatOf(arg)) {
    const checked = await readTemplateFile(arg);
    if (checked.ok) return checked.template;
    printProblems(arg, checked.problems, io);
    throw new CliError(
      both(`无法比较：${arg} 不是有效的模板`, `cannot compare: ${arg} is not a valid template`),
      EXIT_TROUBLE,
    );
  }
  const ref = parseTemplateRef(arg);
  if (!ref) {
    throw new CliError(
      both(
        `“${arg}”既不是模板文件（.json 或 .xlsx），也不是“编号@版本”（如 school_security@2026.1）`,
        `"${arg}" is neither a template file (.json or .xlsx) nor ID@VERSION (e.g. school_security@2026.1)`,
      ),
      EXIT_TROUBLE,
    );
  }
  return namedTemplate(ref, io.env);
}

const entryLine = (mark: string, entry: ItemEntry) =>
  `  ${mark} ${entry.id}  ${bilingual(
    both(
      `【${entry.section['zh-CN']}】${entry.prompt['zh-CN']}`,
      `[${entry.section['en-US']}] ${entry.prompt['en-US']}`,
    ),
  )}`;

function changeLines(change: ItemChange): string[] {
  const lines = [entryLine('~', change)];
  for (const { field, before, after } of change.changes) {
    const label = ITEM_FIELD_LABELS[field];
    lines.push(
      before && after
        ? `      ${bilingual(
            both(
              `${label['zh-CN']}：${DIFF_LABELS.before['zh-CN']}“${before['zh-CN']}”，${DIFF_LABELS.after['zh-CN']}“${after['zh-CN']}”`,
              `${label['en-US']}: ${DIFF_LABELS.before['en-US']} "${before['en-US']}", ${DIFF_LABELS.after['en-US']} "${after['en-US']}"`,
            ),
          )}`
        : `      ${bilingual(
            both(
              `${label['zh-CN']}：${DIFF_LABELS.changed['zh-CN']}`,
              `${label['en-US']}: ${DIFF_LABELS.changed['en-US']}`,
            ),
          )}`,
    );
  }
  const register = change.register;
  if (!register) return lines;
  const named = (
    heading: Bilingual,
    list: readonly { id: string; name: Bilingual; fields?: readonly string[] }[],
    fieldLabels?: Readonly<Record<string, Bilingual>>,
  ) => {
    for (const entry of list) {
      const fields = entry.fields && fieldLabels ? entry.fields.map((f) => fieldLabels[f]!) : [];
      const what = fields.length > 0 ? joinBoth(fields, '、', ', ') : null;
      lines.push(
        `      ${bilingual(
          both(
            `${heading['zh-CN']}：${entry.id}「${entry.name['zh-CN']}」${what ? `（${what['zh-CN']}）` : ''}`,
            `${heading['en-US']}: ${entry.id} "${entry.name['en-US']}"${what ? ` (${what['en-US']})` : ''}`,
          ),
        )}`,
      );
    }
  };
  named(DIFF_LABELS.columnsAdded, register.columnsAdded);
  named(DIFF_LABELS.columnsRemoved, register.columnsRemoved);
  named(DIFF_LABELS.columnsChanged, register.columnsChanged, COLUMN_FIELD_LABELS);
  named(DIFF_LABELS.rowRulesAdded, register.rowRulesAdded);
  named(DIFF_LABELS.rowRulesRemoved, register.rowRulesRemoved);
  named(DIFF_LABELS.rowRulesChanged, register.rowRulesChanged, ROW_RULE_FIELD_LABELS);
  return lines;
}

/** The diff as lines, every one in Chinese then English: the same words as the Templates page. */
export function diffLines(diff: TemplateDiff): string[] {
  const lines = [
    `${diff.from.id} ${diff.from.version} → ${diff.to.id} ${diff.to.version}`,
    bilingual(diff.same ? DIFF_LABELS.same : diffCounts(diff)),
  ];
  const group = (heading: Bilingual, count: number, body: () => string[]) => {
    if (count === 0) return;
    lines.push('', `${bilingual(heading)} (${count})`, ...body());
  };
  const { sections, items } = diff;
  group(DIFF_LABELS.sectionsAdded, sections.added.length, () =>
    sections.added.map((s) => `  + ${s.id}  ${bilingual(s.name)}`),
  );
  group(DIFF_LABELS.sectionsRemoved, sections.removed.length, () =>
    sections.removed.map((s) => `  - ${s.id}  ${bilingual(s.name)}`),
  );
  group(DIFF_LABELS.sectionsRenamed, sections.renamed.length, () =>
    sections.renamed.map(
      (s) =>
        `  ~ ${s.id}  ${bilingual(
          both(
            `${s.before['zh-CN']} → ${s.after['zh-CN']}`,
            `${s.before['en-US']} → ${s.after['en-US']}`,
          ),
        )}`,
    ),
  );
  group(DIFF_LABELS.itemsAdded, items.added.length, () =>
    items.added.map((i) => entryLine('+', i)),
  );
  group(DIFF_LABELS.itemsRemoved, items.removed.length, () =>
    items.removed.map((i) => entryLine('-', i)),
  );
  group(DIFF_LABELS.itemsChanged, items.changed.length, () => items.changed.flatMap(changeLines));
  return lines;
}

export const templateDiffCommand: Command = {
  name: 'template diff',
  summary: {
    'zh-CN':
      '比较两个模板（文件 .json / .xlsx，或已安装的“编号@版本”如 school_security@2026.1），列出新增、删除和修改的章节与检查项；退出码 0 相同，1 有差异，2 无法比较',
    'en-US':
      'compare two templates (files .json / .xlsx, or installed ID@VERSION such as school_security@2026.1): the sections and items added, removed and changed; exit 0 the same, 1 different, 2 cannot compare',
  },
  synopsis: 'A B',
  options: {},
  positionals: [2, 2],
  async run({ positionals }, io) {
    const before = await load(positionals[0]!, io);
    const after = await load(positionals[1]!, io);
    const diff = diffTemplates(before, after);
    for (const line of diffLines(diff)) io.out(line);
    return diff.same ? EXIT_OK : EXIT_FAILURE;
  },
};
