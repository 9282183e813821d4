import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { canPreview, formatBytes } from '../../../shared/inspection/evidence';
import type { EvidenceRef } from '../../../shared/inspection/schema';
import { useOpenedWorkbook } from '../../lib/opened-workbook';
import { useReportError } from '../../lib/use-report-error';
import { useEvidenceStore } from '../../stores/evidence-store';
import { useFeedbackStore } from '../../stores/feedback-store';

/** A signature image or a scan: shown when it is an image, and always saved as a copy on click. */
export function SignatureImage({ image, alt }: { image: EvidenceRef; alt: string }) {
  const { t } = useTranslation();
  const report = useReportError();
  const url = useEvidenceStore((s) => s.previews.get(image.sha256));
  const loadPreview = useEvidenceStore((s) => s.loadPreview);
  const saveCopy = useEvidenceStore((s) => s.saveCopy);
  // An opened workbook names the image; the file itself is not in it.
  const inWorkbook = useOpenedWorkbook() !== null;
  const shown = !inWorkbook && canPreview(image.type, image.size);
  const open = () =>
    inWorkbook
      ? useFeedbackStore
          .getState()
          .show({ kind: 'warning', text: t('workbook.evidenceNotHere', { name: image.name }) })
      : report(saveCopy(image));
  useEffect(() => {
    if (shown) void loadPreview(image);
  }, [shown, loadPreview, image]);
  return (
    <figure className="signature-image">
      {shown &&
        (url ? <img src={url} alt={alt} /> : <span className="signature-image-placeholder" />)}
      <figcaption>
        <button
          type="button"
          className="link"
          title={inWorkbook ? t('workbook.evidenceNotHereShort') : t('walk.evidence.save')}
          onClick={open}
        >
          {image.name}
        </button>{' '}
        <span className="hint">{formatBytes(image.size)}</span>
      </figcaption>
    </figure>
  );
}
