import { useEffect } from 'react';
import type { Template } from '../../../shared/template/schema';
import type { FocusTarget } from '../../lib/focus-request';
import { focusRequestDone, focusRequestFor } from '../../lib/focus-request';
import type { InspectionLinks } from '../../lib/opened-workbook';

const FOCUSABLE = 'input:not([type=hidden]), select, textarea';

function focusItem(card: Element | null | undefined): void {
  if (!card) return;
  const checked = card.querySelector<HTMLElement>('input[type=radio]:checked');
  const target = checked ?? card.querySelector<HTMLElement>(FOCUSABLE);
  card.scrollIntoView({ block: 'start' });
  target?.focus({ preventScroll: true });
}

/**
 * Keyboard-first walking: Alt+↓ / Alt+↑ next and previous item, Alt+PageDown / Alt+PageUp next
 * and previous section, and Enter in a one-line field moves to the next item.
 */
export function useWalkShortcuts(
  inspectionId: string,
  template: Template,
  sectionIndex: number,
  links: InspectionLinks,
): void {
  useEffect(() => {
    const cards = () => [...document.querySelectorAll('.walk-section .item-card')];
    const currentCard = () =>
      (document.activeElement as HTMLElement | null)?.closest('.item-card') ?? null;
    const move = (step: number) => {
      const list = cards();
      const at = list.indexOf(currentCard() as Element);
      focusItem(list[at === -1 ? (step > 0 ? 0 : list.length - 1) : at + step]);
    };
    const goSection = (step: number) => {
      const target = template.sections[sectionIndex + step];
      if (target) window.location.hash = links.section(inspectionId, target.id);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.key === 'ArrowDown') move(1);
      else if (e.altKey && e.key === 'ArrowUp') move(-1);
      else if (e.altKey && e.key === 'PageDown') goSection(1);
      else if (e.altKey && e.key === 'PageUp') goSection(-1);
      else if (
        e.key === 'Enter' &&
        !e.altKey &&
        !e.ctrlKey &&
        !e.shiftKey &&
        isOneLineField(e.target) &&
        currentCard()
      ) {
        // Inside a register, Enter belongs to the table (down one row).
        if ((e.target as HTMLElement).closest('.register, .action-form')) return;
        move(1);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [inspectionId, template, sectionIndex, links]);

  // A new section starts at its heading, so the keyboard user is where the eyes are; a link from
  // the review page starts at the item it names.
  useEffect(() => {
    const target = focusRequestFor(inspectionId);
    window.scrollTo({ top: 0 });
    // After the first frame: focusing forces a layout, which would hold the new section back.
    const frame = requestAnimationFrame(() => {
      if (target) focusRequestDone();
      if (target && focusTarget(target)) return;
      document.getElementById('section-title')?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [inspectionId, sectionIndex]);
}

/** Focuses the item (or its register row) a link asked for; false when it is not on screen. */
function focusTarget({ itemId, rowId }: FocusTarget): boolean {
  const card = document.getElementById(`item-${itemId}`);
  if (!card) return false;
  const row = rowId ? card.querySelector<HTMLElement>(`tr[data-row-id="${rowId}"]`) : null;
  if (row) {
    row.scrollIntoView({ block: 'center' });
    row.querySelector<HTMLElement>(FOCUSABLE)?.focus({ preventScroll: true });
  } else focusItem(card);
  return true;
}

function isOneLineField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'button', 'submit', 'file'].includes(target.type);
  return target instanceof HTMLSelectElement;
}
