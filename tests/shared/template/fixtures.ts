import type { Item, Template } from '../../../shared/template/schema';
import { TEMPLATE_FORMAT } from '../../../shared/template/schema';

const b = (zh: string, en: string = zh) => ({ 'zh-CN': zh, 'en-US': en });

/** The fields every item needs, for tests that care about one or two. */
export function item<K extends Item['kind']>(
  kind: K,
  id: string,
  extra: Partial<Extract<Item, { kind: K }>> = {},
): Extract<Item, { kind: K }> {
  const base = {
    id,
    kind,
    prompt: b(`问题 ${id}`, `Question ${id}`),
    basis: [],
    required: false,
    evidence: 'none',
    rules: [],
  } as Record<string, unknown>;
  if (kind === 'text') base.multiline = false;
  if (kind === 'choice' || kind === 'multi')
    base.choices = [
      { value: 'a', label: b('甲', 'A') },
      { value: 'b', label: b('乙', 'B') },
    ];
  if (kind === 'register')
    Object.assign(base, {
      columns: [{ id: 'name', kind: 'text', label: b('名称', 'Name'), required: true }],
      rowRules: [],
      minRows: 0,
    });
  return { ...base, ...extra } as Extract<Item, { kind: K }>;
}

export function template(...sections: Item[][]): Template {
  return {
    format: TEMPLATE_FORMAT,
    id: 'test',
    version: '1',
    title: b('测试', 'Test'),
    issuer: b('测试局', 'Test bureau'),
    sections: sections.map((items, i) => ({
      id: `s${i}`,
      title: b(`第${i}节`, `Section ${i}`),
      items,
    })),
  };
}
