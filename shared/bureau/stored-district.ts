import type { AcceptedIntake, RejectedIntake } from './intake';
import type { District } from './merge';
import { mergeDistrict } from './merge';
import type { SchoolListEntry } from './school-list';
import type { RejectedRecord } from './store-index';
import type { SubmissionTemplate } from './submission';

/** What the bureau store holds that the district view is merged from (its index, or its state). */
export interface StoredDistrictSource {
  readonly submissions: readonly AcceptedIntake[];
  readonly rejected: readonly RejectedRecord[];
  readonly templates: Iterable<SubmissionTemplate>;
  readonly schools: readonly SchoolListEntry[] | null;
}

/**
 * The district of everything the bureau store keeps: what the 汇总 page shows and the summary
 * it exports, made in one place so the two never differ.
 */
export function storedDistrict(
  source: StoredDistrictSource,
  options: { readonly allowDrafts: boolean; readonly today: string },
): District {
  const rejected = source.rejected.map(
    ({ file, sha256, size, status, reason }): RejectedIntake => ({
      outcome: 'rejected',
      file,
      ...(sha256 !== undefined && { sha256 }),
      size,
      status,
      reason,
    }),
  );
  const templates = new Map<string, SubmissionTemplate>();
  for (const template of source.templates) templates.set(template.hash, template);
  return mergeDistrict(source.submissions, rejected, templates, {
    allowDrafts: options.allowDrafts,
    today: options.today,
    ...(source.schools && { schools: source.schools }),
  });
}
