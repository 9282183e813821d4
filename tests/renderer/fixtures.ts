import { vi } from 'vitest';
import builtIn from '../../resources/templates/school-security-2026.1.json';
import { createInspection } from '../../shared/inspection/create';
import type { Inspection } from '../../shared/inspection/schema';
import type { Template } from '../../shared/template/schema';
import { templateSchema } from '../../shared/template/schema';
import { PROFILE } from './fake-api';

/** The built-in checklist, as the Node side hands it over. */
export const TEMPLATE: Template = templateSchema.parse(builtIn);

/** A new, unanswered inspection of the built-in checklist for the sample school. */
export function blankInspection(id: string): Inspection {
  return createInspection({
    id,
    template: { id: TEMPLATE.id, version: TEMPLATE.version, hash: 'a'.repeat(64) },
    school: PROFILE,
    period: { year: 2026, term: 'autumn' },
    inspector: '李明',
    now: '2026-11-29T08:00:00.000Z',
  });
}

/**
 * Catches what the renderer hands to the browser's download: the file's name and its bytes, read
 * back as text. The link is never followed (happy-dom would navigate the test's window).
 */
export function catchDownloads() {
  const blobs = new Map<string, Blob>();
  const downloads: { name: string; blob: Blob }[] = [];
  const created = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push({ name: this.download, blob: blobs.get(this.getAttribute('href') ?? '')! });
  });
  return {
    downloads,
    restore: () => {
      created.mockRestore();
      clicked.mockRestore();
    },
  };
}
