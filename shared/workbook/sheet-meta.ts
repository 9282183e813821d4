import { datetime, text } from './cells';
import type { WorkbookCell } from './cells';
import { WORKBOOK_FORMAT } from './envelope';
import type { WorkbookInput } from './input';
import { sheetTitle } from './input';
import type { WorkbookSheet } from './sheet';

/**
 * 说明 / Meta: what a program or a clerk needs to check the workbook, one field a row. The first
 * column is the field's key, the same in every language, for programs.
 */
export function metaSheet(input: WorkbookInput, name: string): WorkbookSheet {
  const { inspection, template, say, language, appVersion } = input;
  const { signoff } = inspection;
  const fields: [string, string, string, WorkbookCell][] = [
    ['format', '格式版本', 'Format version', text(WORKBOOK_FORMAT)],
    ['state', '状态', 'State', text(signoff ? 'signed' : 'draft')],
    ['language', '语言', 'Language', text(language)],
    ['inspection.id', '检查编号', 'Inspection id', text(inspection.id)],
    ['school.code', '学校标识码', 'School code', text(inspection.school.code)],
    ['template.id', '检查表编号', 'Checklist id', text(template.id)],
    ['template.version', '检查表版本', 'Checklist version', text(template.version)],
    [
      'template.hash',
      '检查表散列（SHA-256）',
      'Checklist hash (SHA-256)',
      text(inspection.template.hash),
    ],
    ['app.version', '导出程序版本', 'Exported by app version', text(appVersion)],
    ['signoff.signer', '签字人', 'Signer', text(signoff?.signer)],
    ['signoff.title', '职务', 'Title', text(signoff?.title)],
    [
      'signoff.signedAt',
      '签字时间（北京时间）',
      'Signed at (Beijing time)',
      datetime(signoff?.signedAt),
    ],
    [
      'signoff.contentHash',
      '内容散列（SHA-256）',
      'Content hash (SHA-256)',
      text(signoff?.contentHash),
    ],
    ['signoff.signature', '签名（Ed25519）', 'Signature (Ed25519)', text(signoff?.signature)],
    ['signoff.publicKey', '公钥', 'Public key', text(signoff?.publicKey)],
    ['signoff.keyFingerprint', '密钥指纹', 'Key fingerprint', text(signoff?.keyFingerprint)],
    [
      'howToVerify',
      '如何验证',
      'How to verify',
      text(
        say(
          '用“清朗校园网络安全检查”打开本工作簿，或运行 qinglang verify 本文件。数据保存在隐藏的工作表 qinglang-data 中，请勿修改。',
          'Open this workbook in Qinglang Inspector, or run qinglang verify on it. Its data is in the hidden sheet qinglang-data: do not edit it.',
        ),
      ),
    ],
  ];
  return {
    id: 'meta',
    name,
    title: sheetTitle(input, say('说明', 'About this workbook')),
    columns: [
      { header: say('字段', 'Field'), width: 24 },
      { header: say('说明', 'Description'), width: 24 },
      { header: say('值', 'Value'), width: 70 },
    ],
    rows: fields.map(([key, zh, en, cell]) => [text(key), text(say(zh, en)), cell]),
  };
}
