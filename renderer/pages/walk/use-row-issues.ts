import { useMemo } from 'react';
import type { Bilingual } from '../../../shared/i18n/locale';
import type { Finding } from '../../../shared/template/engine';
import type { ValueProblem } from '../../../shared/template/values';

/** What is wrong with one row, in the user's language; `key` tells two of them apart cheaply. */
export interface RowIssues {
  readonly cells: ReadonlyMap<string, string>;
  readonly messages: readonly { readonly effect: Finding['effect']; readonly text: string }[];
  readonly worst: 'non-compliant' | 'partial' | 'warning';
  readonly key: string;
}

/** A register's problems and row-rule findings, gathered by row index. */
export function useRowIssues(
  problems: readonly ValueProblem[],
  findings: readonly Finding[],
  pick: (text: Bilingual) => string,
): ReadonlyMap<number, RowIssues> {
  return useMemo(() => {
    const byRow = new Map<
      number,
      { cells: Map<string, string>; messages: RowIssues['messages'][number][] }
    >();
    const at = (row: number) => {
      let entry = byRow.get(row);
      if (!entry) byRow.set(row, (entry = { cells: new Map(), messages: [] }));
      return entry;
    };
    for (const p of problems) {
      if (p.row !== undefined && p.column !== undefined)
        at(p.row).cells.set(p.column, pick(p.message));
    }
    for (const f of findings) {
      if (f.row !== undefined) at(f.row).messages.push({ effect: f.effect, text: pick(f.message) });
    }
    const out = new Map<number, RowIssues>();
    for (const [row, { cells, messages }] of byRow) {
      const worst = messages.some((m) => m.effect === 'non-compliant')
        ? 'non-compliant'
        : messages.some((m) => m.effect === 'partial')
          ? 'partial'
          : 'warning';
      const key = JSON.stringify([[...cells], messages]);
      out.set(row, { cells, messages, worst, key });
    }
    return out;
  }, [problems, findings, pick]);
}
