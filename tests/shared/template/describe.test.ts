import { describe, expect, it } from 'vitest';
import { describeCondition } from '../../../shared/template/describe';
import type { RefNames } from '../../../shared/template/describe';
import { parseCondition } from '../../../shared/template/expression';

const NAMES: Record<string, [string, string]> = {
  third_party: ['由第三方保管', 'Held by a third party'],
  agreement_no: ['协议编号', 'Agreement number'],
  expiry: ['协议到期日', 'Agreement expires'],
  updated: ['特征库更新日期', 'Signature library updated'],
  platform: ['平台', 'Platform'],
  logs: ['日志留存天数', 'Days logs are kept'],
};
const names: RefNames = {
  name: (ref) => ({ 'zh-CN': NAMES[ref]![0], 'en-US': NAMES[ref]![1] }),
  label: (ref, value) =>
    ref === 'platform' && value === 'douyin' ? { 'zh-CN': '抖音', 'en-US': 'Douyin' } : undefined,
};
const words = (text: string) => {
  const parsed = parseCondition(text);
  if (!parsed.ok) throw new Error(text);
  return describeCondition(parsed.condition, names);
};

describe('conditions in words', () => {
  it.each([
    [
      "${third_party} = 'yes' and ${agreement_no} = ''",
      '「由第三方保管」为“是” 且 「协议编号」未填写',
      '"Held by a third party" is "Yes" and "Agreement number" is not answered',
    ],
    ['days_until(${expiry}) < 0', '「协议到期日」已过', '"Agreement expires" is past'],
    [
      'days_until(${expiry}) <= 30',
      '「协议到期日」最多还有 30 天',
      '"Agreement expires" is at most 30 days away',
    ],
    [
      'days_since(${updated}) > 30',
      '「特征库更新日期」距今超过 30 天',
      '"Signature library updated" was more than 30 days ago',
    ],
    ["selected(${platform}, 'douyin')", '「平台」包含“抖音”', '"Platform" includes "Douyin"'],
    ['${logs} < 180', '「日志留存天数」小于180', '"Days logs are kept" is less than 180'],
    [
      "not(${agreement_no} != '') or (${logs} >= 1 and ${logs} <= 5)",
      '并非（「协议编号」已填写） 或 （「日志留存天数」不小于1 且 「日志留存天数」不大于5）',
      'not ("Agreement number" is answered) or ("Days logs are kept" is at least 1 and "Days logs are kept" is at most 5)',
    ],
  ])('%s', (text, zh, en) => {
    expect(words(text)).toEqual({ 'zh-CN': zh, 'en-US': en });
  });
});
