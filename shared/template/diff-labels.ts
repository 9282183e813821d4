import type { Bilingual } from '../i18n/locale';
import type { ColumnField, ItemField, RowRuleField, TemplateDiff } from './diff-schema';
import type { ItemKind } from './schema';

/**
 * Every word a template diff prints, in both languages: the Templates page picks one language,
 * `qinglang template diff` prints both, and they say the same thing. (No zod here: the renderer
 * imports it.)
 */
const both = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });

export const ITEM_FIELD_LABELS: Readonly<Record<ItemField, Bilingual>> = {
  section: both('所在章节', 'section'),
  kind: both('题型', 'kind'),
  prompt: both('检查内容', 'prompt'),
  guidance: both('检查指引', 'guidance'),
  basis: both('法律依据', 'legal basis'),
  required: both('是否必填', 'required'),
  evidence: both('佐证要求', 'evidence'),
  visibleIf: both('显示条件', 'shown when'),
  rules: both('判定规则', 'rules'),
  choices: both('选项', 'choices'),
  unit: both('单位', 'unit'),
  range: both('取值范围', 'range'),
  multiline: both('多行文字', 'multi-line'),
  columns: both('登记表列', 'register columns'),
  rowRules: both('登记表行规则', 'register row rules'),
  minRows: both('最少行数', 'minimum rows'),
};

export const COLUMN_FIELD_LABELS: Readonly<Record<ColumnField, Bilingual>> = {
  kind: both('类型', 'kind'),
  label: both('列名', 'label'),
  required: both('是否必填', 'required'),
  choices: both('选项', 'choices'),
  unit: both('单位', 'unit'),
  range: both('取值范围', 'range'),
};

export const ROW_RULE_FIELD_LABELS: Readonly<Record<RowRuleField, Bilingual>> = {
  when: both('触发条件', 'condition'),
  effect: both('判定结果', 'effect'),
  message: both('提示文字', 'message'),
};

export const KIND_LABELS: Readonly<Record<ItemKind, Bilingual>> = {
  check: both('符合性检查', 'compliance check'),
  yesno: both('是/否', 'yes / no'),
  date: both('日期', 'date'),
  number: both('数字', 'number'),
  text: both('文字', 'text'),
  choice: both('单选', 'single choice'),
  multi: both('多选', 'multiple choice'),
  register: both('登记表', 'register'),
};

export const EVIDENCE_LABELS = {
  none: both('不需佐证', 'no evidence'),
  optional: both('可附佐证', 'evidence optional'),
  required: both('须附佐证', 'evidence required'),
} as const satisfies Record<string, Bilingual>;

export const DIFF_LABELS = {
  sectionsAdded: both('新增的章节', 'Sections added'),
  sectionsRemoved: both('删除的章节', 'Sections removed'),
  sectionsRenamed: both('改名的章节', 'Sections renamed'),
  itemsAdded: both('新增的检查项', 'Items added'),
  itemsRemoved: both('删除的检查项', 'Items removed'),
  itemsChanged: both('修改的检查项', 'Items changed'),
  columnsAdded: both('新增列', 'columns added'),
  columnsRemoved: both('删除列', 'columns removed'),
  columnsChanged: both('修改列', 'columns changed'),
  rowRulesAdded: both('新增行规则', 'row rules added'),
  rowRulesRemoved: both('删除行规则', 'row rules removed'),
  rowRulesChanged: both('修改行规则', 'row rules changed'),
  changed: both('已修改', 'changed'),
  before: both('原为', 'was'),
  after: both('现为', 'now'),
  none: both('（无）', '(none)'),
  same: both('两个版本内容相同', 'the two versions have the same content'),
} as const satisfies Record<string, Bilingual>;

/** "新增 3 项，删除 1 项，修改 5 项" — the one-line count of a diff's items. */
export function diffCounts(diff: TemplateDiff): Bilingual {
  const { added, removed, changed } = diff.items;
  return both(
    `检查项新增 ${added.length} 项，删除 ${removed.length} 项，修改 ${changed.length} 项；章节新增 ${diff.sections.added.length} 个，删除 ${diff.sections.removed.length} 个，改名 ${diff.sections.renamed.length} 个`,
    `items: ${added.length} added, ${removed.length} removed, ${changed.length} changed; sections: ${diff.sections.added.length} added, ${diff.sections.removed.length} removed, ${diff.sections.renamed.length} renamed`,
  );
}
