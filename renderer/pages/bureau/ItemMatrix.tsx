import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemOrder } from '../../../shared/bureau/dashboard';
import { ITEM_ORDERS, matrixRows } from '../../../shared/bureau/dashboard';
import type { DistrictItem, DistrictSchool, MatrixStatus } from '../../../shared/bureau/merge';
import { useLocale } from '../../i18n/use-locale';

interface Props {
  readonly items: readonly DistrictItem[];
  readonly schools: readonly DistrictSchool[];
}

/**
 * Items × schools: who is 不符合 / 部分符合 where, by word and colour. The item column stays in
 * place while hundreds of school columns scroll sideways; each column is headed by the school's
 * code, its name in the tooltip and the accessible name.
 */
export function ItemMatrix({ items, schools }: Props) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<ItemOrder>('failing');
  const rows = matrixRows(items, schools, order);
  return (
    <section className="card" aria-labelledby="bureau-matrix">
      <h2 id="bureau-matrix">{t('bureau.matrix.title')}</h2>
      <p className="hint">{t('bureau.matrix.hint')}</p>
      <div className="toolbar">
        <label className="inline-field">
          <span>{t('bureau.matrix.order')}</span>
          <select value={order} onChange={(e) => setOrder(e.target.value as ItemOrder)}>
            {ITEM_ORDERS.map((o) => (
              <option key={o} value={o}>
                {t(`bureau.matrix.orders.${o}`)}
              </option>
            ))}
          </select>
        </label>
        <MatrixLegend />
      </div>
      <div
        className="table-scroll matrix-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('bureau.matrix.table')}
      >
        <table className="matrix">
          <thead>
            <tr>
              <th scope="col" className="matrix-item">
                {t('bureau.matrix.item')}
              </th>
              {schools.map((s) => (
                <th scope="col" key={s.code} title={s.name} className="matrix-school">
                  <span className="visually-hidden">{s.name} </span>
                  {s.code}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <MatrixRow
                key={row.item.id}
                item={row.item}
                nonCompliant={row.nonCompliant}
                partial={row.partial}
                schools={schools}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const CELL_CLASS: Partial<Record<MatrixStatus, string>> = {
  'non-compliant': 'cell-bad',
  partial: 'cell-partial',
  compliant: 'cell-ok',
  absent: 'cell-absent',
};

const MatrixRow = memo(function MatrixRow({
  item,
  nonCompliant,
  partial,
  schools,
}: {
  item: DistrictItem;
  nonCompliant: number;
  partial: number;
  schools: readonly DistrictSchool[];
}) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  return (
    <tr>
      <th scope="row" className="matrix-item" title={pick(item.prompt)}>
        <span className="cell-id">{item.id}</span>
        <span className="matrix-prompt">{pick(item.prompt)}</span>
        <span className="matrix-counts">
          {t('bureau.matrix.counts', { nonCompliant, partial })}
        </span>
      </th>
      {schools.map((s) => {
        const status = item.bySchool[s.code] ?? 'absent';
        return (
          <td key={s.code} className={CELL_CLASS[status]}>
            <abbr title={`${s.name}: ${t(`bureau.matrix.status.${status}`)}`}>
              {t(`bureau.matrix.short.${status}`)}
            </abbr>
          </td>
        );
      })}
    </tr>
  );
});

function MatrixLegend() {
  const { t } = useTranslation();
  const shown: MatrixStatus[] = ['non-compliant', 'partial', 'compliant', 'absent'];
  return (
    <ul className="matrix-legend" aria-label={t('bureau.matrix.legend')}>
      {shown.map((status) => (
        <li key={status} className={CELL_CLASS[status]}>
          {t(`bureau.matrix.short.${status}`)} = {t(`bureau.matrix.status.${status}`)}
        </li>
      ))}
    </ul>
  );
}
