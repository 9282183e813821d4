import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A folder or file path the user may need to find or send, with a copy button. */
export function PathRow({ label, path, hint }: { label: string; path: string; hint: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    navigator.clipboard.writeText(path).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <div className="field-row">
      <dt>{label}</dt>
      <dd>
        <div className="path-line">
          <code className="path">{path}</code>
          <button type="button" className="button button-quiet" onClick={copy}>
            {state === 'copied' ? t('settings.data.copied') : t('settings.data.copy')}
          </button>
        </div>
        <p className="hint">{state === 'failed' ? t('settings.data.copyFailed') : hint}</p>
      </dd>
    </div>
  );
}
