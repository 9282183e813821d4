import type { Bilingual, Locale } from '../i18n/locale';
import type { InspectionState, SignoffMethod, Stage } from '../inspection/schema';

/**
 * Every word of the printed report, in both languages. The report is not React, so its strings
 * live here rather than in the renderer's locale files; a report is wholly in one language.
 */
const both = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });

export const T = {
  documentTitle: both('网络安全自查报告', 'Network Security Self-Inspection Report'),
  watermarkDraft: both('草稿', 'DRAFT'),
  watermarkBroken: both('签名无效', 'SIGNATURE INVALID'),

  school: both('学校名称', 'School'),
  code: both('学校标识码', 'School code'),
  district: both('所属区县', 'District'),
  stage: both('学段', 'Stage'),
  address: both('地址', 'Address'),
  contact: both('联系人', 'Contact'),
  period: both('检查学期', 'Term'),
  inspector: both('检查人', 'Inspector'),
  template: both('检查表', 'Checklist'),
  issuer: both('发布单位', 'Issued by'),
  madeOn: both('报告日期', 'Report date'),
  state: both('状态', 'State'),

  summary: both('一、总体情况', '1. Summary'),
  bySection: both('二、各部分符合情况', '2. Compliance by section'),
  findings: both('三、存在的问题', '3. Findings'),
  actions: both('四、整改措施', '4. Corrective actions'),
  registers: both('五、登记表', '5. Registers'),
  signoff: both('六、审核签字', '6. Sign-off'),

  no: both('序号', 'No.'),
  items: both('检查项', 'Items'),
  answered: both('已填写', 'Answered'),
  progress: both('完成度', 'Progress'),
  rate: both('符合率', 'Compliance'),
  section: both('部分', 'Section'),
  item: both('检查项', 'Item'),
  conclusion: both('结论', 'Status'),
  reasons: both('原因', 'Reason'),
  note: both('备注', 'Note'),
  action: both('整改内容', 'Action'),
  owner: both('责任人', 'Owner'),
  due: both('整改期限', 'Due'),
  outcome: both('完成情况', 'Outcome'),
  rowIssues: both('检查结论', 'Issues'),
  rateNote: both(
    '符合率 =（符合 + ½ × 部分符合）÷（符合 + 部分符合 + 不符合），不适用和未答的项不计入。',
    'Compliance = (compliant + ½ × partly compliant) ÷ (compliant + partly compliant + non-compliant); items not applicable or unanswered are left out.',
  ),
  noFindings: both('本次检查未发现问题。', 'No findings.'),
  noActions: both('没有整改措施。', 'No corrective actions.'),
  noRegisters: both('本检查表没有登记表。', 'This checklist has no registers.'),
  registerNone: both('本学期没有需要登记的内容。', 'Nothing to register this term.'),
  registerEmpty: both('尚未填写。', 'Not filled in yet.'),
  actionOpen: both('未完成', 'Open'),
  actionOverdue: both('已逾期', 'Overdue'),
  actionDone: both('已完成', 'Done'),
  yes: both('是', 'Yes'),
  no_: both('否', 'No'),
  files: both('个附件', 'file(s)'),

  comment: both('审核意见', 'Comments'),
  inspectorSigns: both('检查人（签字）', 'Inspector (signature)'),
  principalSigns: both('校长（签字）', 'Principal (signature)'),
  signerName: both('姓名', 'Name'),
  signerTitle: both('职务', 'Title'),
  signDate: both('日期', 'Date'),
  seal: both('学校（盖章）', 'School seal'),
  sealHere: both('盖章处', 'Seal here'),
  method: both('签字方式', 'Method'),
  signedAt: both('签字时间', 'Signed at'),
  contentHash: both('内容散列', 'Content hash'),
  fingerprint: both('密钥指纹', 'Key fingerprint'),
  check: both('签名校验', 'Signature check'),
  notSigned: both('未签字', 'not signed'),
  imageMissing: both(
    '手写签名图片不在本机，未能附上。',
    'The drawn signature image is not on this computer and is not shown.',
  ),
  unsignedNote: both(
    '本报告尚未经校长签字，仅供审阅。',
    'This report has not been signed by the principal; it is for review only.',
  ),
  headerTitle: both('网络安全自查报告', 'Network security self-inspection report'),
  page: both('第 {page} 页 共 {pages} 页', 'Page {page} of {pages}'),
} as const satisfies Record<string, Bilingual>;

export const STATE_TEXT = {
  draft: both('填写中（未签字）', 'Draft (not signed)'),
  ready: both('待校长签字', 'Ready for sign-off'),
  signed: both('已签字', 'Signed'),
} as const satisfies Record<InspectionState, Bilingual>;

export const METHOD_TEXT = {
  drawn: both('屏幕手写签名', 'Drawn on screen'),
  paper: both('纸质签字', 'Signed on paper'),
} as const satisfies Record<SignoffMethod, Bilingual>;

export const STAGE_TEXT = {
  primary: both('小学', 'Primary school'),
  junior: both('初级中学', 'Junior secondary'),
  senior: both('高级中学', 'Senior secondary'),
  'nine-year': both('九年一贯制学校', 'Nine-year school'),
  complete: both('完全中学 / 十二年一贯制', 'Complete secondary / twelve-year'),
  vocational: both('中等职业学校', 'Vocational school'),
  other: both('其他', 'Other'),
} as const satisfies Record<Stage, Bilingual>;

/** What checking the signature found, as the report states it beside the sign-off. */
export const CHECK_TEXT = {
  valid: both('有效：内容与签字时完全一致', 'Valid: the content is exactly what was signed'),
  changed: both(
    '不成立：签字之后内容被改动过',
    'Does not hold: the content was changed after signing',
  ),
  invalid: both(
    '无效：签名、密钥或散列被改动过',
    'Invalid: the signature, key or hash was altered',
  ),
  unsigned: both('未签字', 'Not signed'),
} as const satisfies Record<'valid' | 'changed' | 'invalid' | 'unsigned', Bilingual>;

export const paperNote = (name: string): Bilingual =>
  both(
    `校长已在纸质报告上签字盖章，签字页扫描件已附于检查记录：${name}`,
    `The principal signed and sealed the paper copy; its scan is attached to the inspection: ${name}`,
  );

export const rowLabel = (row: number): Bilingual => both(`第 ${row} 行`, `Row ${row}`);

/** "标签：" / "Label: ", as each language writes it. */
export const labelled = (label: string, language: Locale): string =>
  language === 'zh-CN' ? `${label}：` : `${label}: `;

/** "（说明）" / " (aside)". */
export const aside = (text: string, language: Locale): string =>
  language === 'zh-CN' ? `（${text}）` : ` (${text})`;

/** "共发现问题 3 项；整改措施 5 项：未完成 3 项（其中逾期 1 项），已完成 2 项。" */
export function summarySentence(
  findings: number,
  actions: number,
  open: number,
  overdue: number,
): Bilingual {
  const done = actions - open;
  return both(
    `共发现问题 ${findings} 项；整改措施 ${actions} 项：未完成 ${open} 项（其中逾期 ${overdue} 项），已完成 ${done} 项。`,
    `${findings} finding(s); ${actions} corrective action(s): ${open} open (${overdue} overdue), ${done} done.`,
  );
}

export const doneOnText = (date: string): Bilingual => both(`已完成（${date}）`, `Done (${date})`);
