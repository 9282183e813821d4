import type { Bilingual } from '../i18n/locale';
import { STATUS_LABELS } from '../template/labels';
import type { RejectionStatus } from './intake';
import type { MatrixStatus } from './merge';

/**
 * The words the district summary and `qinglang aggregate` use for a file not taken and for a
 * school's answer in the items × schools matrix. (Zod-free, so any side can use them.)
 */

const b = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });

export const REJECTION_LABELS = {
  unreadable: b('无法读取', 'Unreadable'),
  'not-workbook': b('不是本程序的工作簿', 'Not a Qinglang workbook'),
  'newer-format': b('格式比本程序新', 'Newer format'),
  'data-altered': b('数据被改动', 'Data altered'),
  'signature-invalid': b('签名无效', 'Signature invalid'),
  'cells-differ': b('单元格与签字数据不符', 'Cells differ from the signed data'),
  draft: b('未签字的草稿', 'Unsigned draft'),
  'package-invalid': b('报送材料有误', 'Package invalid'),
  'not-supported': b('不支持的文件类型', 'Not a workbook or package'),
  'too-large': b('文件过大', 'Too large'),
  'read-failed': b('读取失败', 'Could not be read'),
} as const satisfies Record<RejectionStatus, Bilingual>;

export const DUPLICATE_LABEL = b('重复报送', 'Duplicate');

export const MATRIX_LABELS = {
  ...STATUS_LABELS,
  hidden: b('不涉及', 'Does not apply'),
  absent: b('本版无此项', 'Not in this version'),
} as const satisfies Record<MatrixStatus, Bilingual>;
