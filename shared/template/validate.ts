import { conditionRefs } from './expression';
import type { Loose } from './loose';
import { arr, obj, str } from './loose';
import type { Template } from './schema';
import { conditionSchema, TEMPLATE_FORMATS, templateSchema } from './schema';
import type { RefTarget } from './validate-conditions';
import type { CheckOptions } from './validate-conditions';
import { conditionProblems, targetOf } from './validate-conditions';
import { cycleProblems } from './validate-cycles';
import { itemMeaningProblems } from './validate-items';
import type { TemplateProblem } from './validate-problems';
import { problem, structureProblems, zodProblems } from './validate-problems';

// checkTemplate reports TemplateProblems; its callers (the CLI, the renderer) take the type from here.
export type { TemplateProblem } from './validate-problems';

export type TemplateCheck =
  | { readonly ok: true; readonly template: Template }
  | { readonly ok: false; readonly problems: readonly TemplateProblem[] };

/**
 * Checks a template strictly and reports every problem at once: the shape (schema) and the
 * meaning (unique ids, conditions that name real items and form no cycle, rules that fit their
 * item). Works on anything, including half-valid data, so a clerk sees the whole list.
 */
export function checkTemplate(input: unknown, options: CheckOptions = {}): TemplateCheck {
  // Recursive checks (zod's, ours) must never meet a structure deep enough to exhaust the stack,
  // and no key may be dropped on the way in.
  const structure = structureProblems(input, { 'zh-CN': '模板', 'en-US': 'template' });
  if (structure.length > 0) return { ok: false, problems: structure };
  const parsed = templateSchema.safeParse(input);
  const problems = parsed.success ? [] : zodProblems(parsed.error).map(laterFormat(input));
  problems.push(...meaningProblems(input, options));
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: dedupe(problems) };
  return { ok: true, template: parsed.data };
}

/**
 * A format this app does not know but a later one may (qinglang-template/4): say so, rather than
 * only list the formats known, so the clerk updates the app instead of editing the file.
 */
function laterFormat(input: unknown): (p: TemplateProblem) => TemplateProblem {
  const format = str(obj(input)?.format);
  const known = TEMPLATE_FORMATS.join(', ');
  return (p) =>
    p.path === '$.format' && format !== null && /^qinglang-template\/\d{1,6}$/.test(format)
      ? problem(
          p.path,
          `模板格式 ${format} 是本程序不认识的（可能是更新的程序写的）；本程序读取 ${TEMPLATE_FORMATS.join('、')}：请更新程序后再导入`,
          `this template is in ${format}, a format this app does not know (a newer app may have written it); it reads ${known}: update the app to import it`,
        )
      : p;
}

function dedupe(problems: TemplateProblem[]): TemplateProblem[] {
  const seen = new Set<string>();
  return problems.filter((x) => {
    const key = `${x.path}|${x.message['en-US']}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface ItemAt {
  readonly item: Loose;
  readonly path: string;
}

function meaningProblems(input: unknown, options: CheckOptions): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const root = obj(input);
  if (!root) return out;

  const { items, itemPaths } = collectItems(root, out);
  const format = str(root.format);
  const kinds = new Map(items.map(({ item }) => [str(item.id) ?? '', str(item.kind) ?? '']));
  // The first item of an id is the one conditions mean; a duplicate is reported on its own.
  const itemTargets = new Map<string, RefTarget>();
  for (const { item } of items) {
    const id = str(item.id);
    if (id !== null && !itemTargets.has(id)) itemTargets.set(id, targetOf(item));
  }
  const dependsOn = new Map<string, string[]>();
  for (const { item, path } of items) {
    const id = str(item.id) ?? '';
    if (item.visibleIf !== undefined) {
      const condition = conditionSchema.safeParse(item.visibleIf);
      if (condition.success) {
        out.push(...conditionProblems(condition.data, `${path}.visibleIf`, itemTargets, options));
        const refs = conditionRefs(condition.data);
        dependsOn.set(id, refs);
        out.push(...refProblems(id, refs, `${path}.visibleIf`, kinds));
      }
    }
    out.push(...itemMeaningProblems(item, path, format, options));
  }
  out.push(...cycleProblems(dependsOn, itemPaths));
  return out;
}

/**
 * Every item that is an object, with its JSON path, and where each item id is first used;
 * a section or item id used twice goes into `out` on the way.
 */
function collectItems(
  root: Loose,
  out: TemplateProblem[],
): { items: ItemAt[]; itemPaths: Map<string, string> } {
  const itemPaths = new Map<string, string>();
  const items: ItemAt[] = [];
  const sectionIds = new Map<string, string>();
  arr(root.sections).forEach((sectionValue, si) => {
    const section = obj(sectionValue);
    if (!section) return;
    const sectionPath = `$.sections[${si}]`;
    const sid = str(section.id);
    if (sid !== null) {
      if (sectionIds.has(sid))
        out.push(
          problem(
            `${sectionPath}.id`,
            `章节编号“${sid}”重复（已用于 ${sectionIds.get(sid)}）`,
            `section id "${sid}" is used twice (also at ${sectionIds.get(sid)})`,
          ),
        );
      else sectionIds.set(sid, `${sectionPath}.id`);
    }
    arr(section.items).forEach((itemValue, ii) => {
      const item = obj(itemValue);
      if (!item) return;
      const path = `${sectionPath}.items[${ii}]`;
      items.push({ item, path });
      const id = str(item.id);
      if (id === null) return;
      if (itemPaths.has(id))
        out.push(
          problem(
            `${path}.id`,
            `检查项编号“${id}”重复（已用于 ${itemPaths.get(id)}）`,
            `item id "${id}" is used twice (also at ${itemPaths.get(id)})`,
          ),
        );
      else itemPaths.set(id, `${path}.id`);
    });
  });
  return { items, itemPaths };
}

/** A visibility condition may name any other item, but not its own item or a missing one. */
function refProblems(
  id: string,
  refs: readonly string[],
  path: string,
  kinds: ReadonlyMap<string, string>,
): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  for (const ref of refs) {
    if (ref === id)
      out.push(
        problem(
          path,
          '显示条件不能引用本项自身',
          'the visibility condition refers to the item itself',
        ),
      );
    else if (!kinds.has(ref))
      out.push(
        problem(
          path,
          `显示条件引用了不存在的检查项“${ref}”`,
          `the visibility condition refers to "${ref}", which is not an item`,
        ),
      );
  }
  return out;
}
