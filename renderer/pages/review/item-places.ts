import type { Bilingual } from '../../../shared/i18n/locale';
import type { Template } from '../../../shared/template/schema';

/** Where an item is, as the walk-through numbers and names it. */
export interface ItemPlace {
  /** "3.2": section, then item, from 1. */
  readonly number: string;
  readonly prompt: Bilingual;
  readonly sectionId: string;
}

/** Every item's number and prompt, by id, for lists that point back at items. */
export function itemPlaces(template: Template): ReadonlyMap<string, ItemPlace> {
  const places = new Map<string, ItemPlace>();
  template.sections.forEach((section, s) => {
    section.items.forEach((item, i) => {
      places.set(item.id, {
        number: `${s + 1}.${i + 1}`,
        prompt: item.prompt,
        sectionId: section.id,
      });
    });
  });
  return places;
}
