import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { canPreview, formatBytes } from '../../../shared/inspection/evidence';
import type { EvidenceRef } from '../../../shared/inspection/schema';
import { useReportError } from '../../lib/use-report-error';
import { useEvidenceStore } from '../../stores/evidence-store';

/** A signature image or a scan: shown when it is an image, and always saved as a copy on click. */
export function SignatureImage({ image, alt }: { image: EvidenceRef; alt: string }) {
  const { t } = useTranslation();
  const report = useReportError();
  const url = useEvidenceStore((s) => s.previews.get(image.sha256));
  const loadPreview = useEvidenceStore((s) => s.loadPreview);
  const saveCopy = useEvidenceStore((s) => s.saveCopy);
  const shown = canPreview(image.type, image.size);
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
          title={t('walk.evidence.save')}
          onClick={() => report(saveCopy(image))}
        >
          {image.name}
        </button>{' '}
        <span className="hint">{formatBytes(image.size)}</span>
      </figcaption>
    </figure>
  );
}
