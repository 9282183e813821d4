import type { Bilingual, Locale } from '../i18n/locale';
import type { InspectionReview } from '../inspection/review';
import type { Inspection } from '../inspection/schema';
import type { SignatureCheck } from '../inspection/signature-check';
import type { Item, Template } from '../template/schema';

/** Everything the report is made of; the report is a pure function of it. */
export interface ReportInput {
  readonly inspection: Inspection;
  /** The template the inspection was filled against (its pinned id, version and hash). */
  readonly template: Template;
  /** reviewInspection(template, inspection, today). */
  readonly review: InspectionReview;
  /** The whole report is in this one language. */
  readonly language: Locale;
  /** The day the report is made (ISO date). */
  readonly today: string;
  /** Where instants (the moment of signing) are read, an IANA zone name such as Asia/Shanghai. */
  readonly timeZone: string;
  /** The drawn signature as a data: URL (PNG or JPEG), when its file is on this computer. */
  readonly signatureImage?: string;
  /** What checking the sign-off found ('unsigned' when there is none). */
  readonly signatureStatus: SignatureCheck['status'];
}

/** Where an item sits: "1.3" (section 1, third item) and the item itself. */
export interface ItemPlace {
  readonly number: string;
  readonly item: Item;
}

export function itemPlaces(template: Template): ReadonlyMap<string, ItemPlace> {
  const places = new Map<string, ItemPlace>();
  template.sections.forEach((section, s) =>
    section.items.forEach((item, i) => places.set(item.id, { number: `${s + 1}.${i + 1}`, item })),
  );
  return places;
}

/** A text of the report's one language. */
export type Say = (text: Bilingual) => string;

export const sayIn =
  (language: Locale): Say =>
  (text) =>
    text[language];
