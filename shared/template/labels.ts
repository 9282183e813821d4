import type { Bilingual } from '../i18n/locale';
import type { Effect } from './schema';

export const STATUS_LABELS = {
  compliant: { 'zh-CN': '符合', 'en-US': 'Compliant' },
  partial: { 'zh-CN': '部分符合', 'en-US': 'Partly compliant' },
  'non-compliant': { 'zh-CN': '不符合', 'en-US': 'Non-compliant' },
  na: { 'zh-CN': '不适用', 'en-US': 'Not applicable' },
  unanswered: { 'zh-CN': '未答', 'en-US': 'Unanswered' },
  answered: { 'zh-CN': '已填写', 'en-US': 'Answered' },
} as const satisfies Record<string, Bilingual>;

export const EFFECT_LABELS = {
  'non-compliant': STATUS_LABELS['non-compliant'],
  partial: STATUS_LABELS.partial,
  warning: { 'zh-CN': '提醒', 'en-US': 'Warning' },
} as const satisfies Record<Effect, Bilingual>;

export const YES_NO_LABELS = {
  yes: { 'zh-CN': '是', 'en-US': 'Yes' },
  no: { 'zh-CN': '否', 'en-US': 'No' },
} as const satisfies Record<string, Bilingual>;
