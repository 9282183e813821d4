import type { Item, Template } from './schema';

/** Every item of a template, in order. (Its own module: the renderer must not pull in zod.) */
export function allItems(template: Template): Item[] {
  return template.sections.flatMap((section) => section.items);
}
