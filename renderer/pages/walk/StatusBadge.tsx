import type { ItemStatus } from '../../../shared/template/engine';
import { STATUS_LABELS } from '../../../shared/template/labels';
import { useLocale } from '../../i18n/use-locale';

/** Status as text plus colour, never colour alone. */
export function StatusBadge({ status }: { status: ItemStatus }) {
  const { pick } = useLocale();
  return <span className={`status-badge status-${status}`}>{pick(STATUS_LABELS[status])}</span>;
}
