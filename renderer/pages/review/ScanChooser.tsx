import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRef } from '../../../shared/inspection/schema';
import { useReportError } from '../../lib/use-report-error';
import { useSignoffStore } from '../../stores/signoff-store';
import { SignatureImage } from './SignatureImage';

interface Props {
  readonly scan: EvidenceRef | null;
  readonly onChosen: (scan: EvidenceRef) => void;
  readonly invalid: boolean;
}

/** Signed on paper: the scan of the signed and sealed page (PDF, PNG or JPEG), chosen and stored. */
export function ScanChooser({ scan, onChosen, invalid }: Props) {
  const { t } = useTranslation();
  const report = useReportError();
  const pickScan = useSignoffStore((s) => s.pickScan);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  const choose = () => {
    setBusy(true);
    setRefused(null);
    report(
      pickScan()
        .then((result) => {
          if (result.kind === 'chosen') onChosen(result.image);
          else if (result.kind === 'refused') setRefused(result.message);
        })
        .finally(() => setBusy(false)),
    );
  };

  return (
    <div className={`scan-chooser${invalid ? ' scan-chooser-invalid' : ''}`}>
      <p className="hint">{t('signoff.paper.hint')}</p>
      {scan && <SignatureImage image={scan} alt={t('signoff.paper.alt')} />}
      <button
        type="button"
        className="button"
        onClick={choose}
        disabled={busy}
        aria-describedby={invalid ? 'signature-error' : undefined}
      >
        {busy
          ? t('walk.evidence.attaching')
          : scan
            ? t('signoff.paper.change')
            : t('signoff.paper.choose')}
      </button>
      {refused && (
        <p className="field-error" role="alert">
          {refused}
        </p>
      )}
    </div>
  );
}
