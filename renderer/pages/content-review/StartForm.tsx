import { useEffect, useId } from 'react';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { HOST_PATTERN, parseHostList } from '../../../shared/scan/hosts';
import { FieldMessage, FormField } from '../../components/FormField';
import { useScanStore } from '../../stores/scan-store';
import { WordListField } from './WordListField';

interface StartValues {
  kind: 'folder' | 'site';
  start: string;
  /** The hosts to fetch from, one a line. */
  hosts: string;
  /** The school's own hosts, one a line. */
  ownHosts: string;
}

/** The most hosts the scan channel takes (SCAN_LIMITS.hosts; that module carries zod). */
const MAX_HOSTS = 50;

/** The host (with its port) of an http(s) address, or null when it is not one. */
export function hostOfUrl(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.host : null;
  } catch {
    return null;
  }
}

/**
 * What to scan: a folder (a saved copy of the site, a CMS export, exported articles) or the
 * school's own site, fetched only from the hosts listed; the school's own hosts (links anywhere
 * else are reported); the bureau's word list; 开始检查.
 */
export function StartForm({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const folder = useScanStore((s) => s.folder);
  const words = useScanStore((s) => s.words);
  const pickFolder = useScanStore((s) => s.pickFolder);
  const start = useScanStore((s) => s.start);
  const ids = useId();
  const {
    register,
    handleSubmit,
    control,
    setValue,
    getFieldState,
    setError,
    clearErrors,
    formState: { errors },
  } = useForm<StartValues>({
    defaultValues: { kind: 'folder', start: '', hosts: '', ownHosts: '' },
  });
  const [kind, startUrl, hosts] = useWatch({ control, name: ['kind', 'start', 'hosts'] });

  // The hosts follow the address until the user edits them; the school's own follow the hosts.
  useEffect(() => {
    const host = hostOfUrl(startUrl);
    if (host !== null && !getFieldState('hosts').isDirty) setValue('hosts', host);
  }, [startUrl, getFieldState, setValue]);
  useEffect(() => {
    if (kind === 'site' && !getFieldState('ownHosts').isDirty) setValue('ownHosts', hosts);
  }, [kind, hosts, getFieldState, setValue]);
  useEffect(() => {
    if (folder !== null) clearErrors('kind');
  }, [folder, clearErrors]);
  // A word list chosen again is judged again: the refusal of the last one goes.
  useEffect(() => clearErrors('root'), [words, clearErrors]);

  const checkHosts = (text: string, required: boolean) => {
    const list = parseHostList(text);
    if (required && list.length === 0) return t('contentReview.start.hostsRequired');
    if (list.length > MAX_HOSTS) return t('contentReview.start.tooManyHosts', { max: MAX_HOSTS });
    const bad = list.find((h) => h.length > 253 || !HOST_PATTERN.test(h));
    return bad === undefined ? true : t('contentReview.start.badHost', { host: bad });
  };

  const submit = handleSubmit((values) => {
    if (words !== null && words.kind !== 'read') {
      setError('root', { message: t('contentReview.words.fixFirst') });
      return;
    }
    const ownHosts = parseHostList(values.ownHosts);
    if (values.kind === 'folder') {
      if (folder === null) {
        setError('kind', { message: t('contentReview.start.folderRequired') });
        return;
      }
      void start({ kind: 'folder', ownHosts });
    } else {
      void start({
        kind: 'site',
        start: values.start.trim(),
        hosts: parseHostList(values.hosts),
        ownHosts,
      });
    }
  });

  return (
    <section className="card scan-start" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('contentReview.start.title')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="scan-kind">
          <legend>{t('contentReview.start.source')}</legend>
          <label className="choice">
            <input type="radio" value="folder" {...register('kind')} />
            <span>{t('contentReview.start.folder')}</span>
          </label>
          <label className="choice">
            <input type="radio" value="site" {...register('kind')} />
            <span>{t('contentReview.start.site')}</span>
          </label>
        </fieldset>

        {kind === 'folder' ? (
          <div className="scan-folder">
            <button type="button" className="button" onClick={() => void pickFolder()}>
              {t('contentReview.start.pickFolder')}
            </button>
            <span className="scan-folder-name" aria-live="polite">
              {folder === null
                ? t('contentReview.start.noFolder')
                : t('contentReview.start.folderChosen', { name: folder.name })}
            </span>
            <FieldMessage error={errors.kind?.message} />
            <p className="hint">{t('contentReview.start.folderHint')}</p>
          </div>
        ) : (
          <SiteFields register={register} errors={errors} checkHosts={checkHosts} />
        )}

        <div className="form-grid">
          <FormField
            label={t('contentReview.start.ownHosts')}
            hint={t(
              kind === 'folder'
                ? 'contentReview.start.ownHostsFolderHint'
                : 'contentReview.start.ownHostsSiteHint',
            )}
            error={errors.ownHosts?.message}
            errorId={`${ids}-own-error`}
          >
            <textarea
              rows={2}
              placeholder="www.xxzx.edu.cn"
              aria-invalid={errors.ownHosts ? true : undefined}
              {...register('ownHosts', { validate: (v) => checkHosts(v, false) })}
            />
          </FormField>
          <WordListField />
        </div>

        <FieldMessage error={errors.root?.message} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={disabled}>
            {t('contentReview.start.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A site scan's start address and the hosts it may fetch from, under the network warning. */
function SiteFields({
  register,
  errors,
  checkHosts,
}: {
  register: UseFormRegister<StartValues>;
  errors: FieldErrors<StartValues>;
  checkHosts: (text: string, required: boolean) => string | true;
}) {
  const { t } = useTranslation();
  const ids = useId();
  return (
    <div className="scan-site">
      <p className="banner banner-warning" id={`${ids}-network`}>
        {t('contentReview.start.networkWarning')}
      </p>
      <div className="form-grid">
        <FormField
          label={t('contentReview.start.startUrl')}
          required
          wide
          error={errors.start?.message}
          errorId={`${ids}-start-error`}
        >
          <input
            type="url"
            inputMode="url"
            placeholder="https://www.xxzx.edu.cn/"
            aria-invalid={errors.start ? true : undefined}
            aria-describedby={errors.start ? `${ids}-start-error` : `${ids}-network`}
            {...register('start', {
              validate: (v) => hostOfUrl(v) !== null || t('contentReview.start.badUrl'),
            })}
          />
        </FormField>
        <FormField
          label={t('contentReview.start.hosts')}
          required
          hint={t('contentReview.start.hostsHint')}
          error={errors.hosts?.message}
          errorId={`${ids}-hosts-error`}
        >
          <textarea
            rows={3}
            aria-invalid={errors.hosts ? true : undefined}
            {...register('hosts', { validate: (v) => checkHosts(v, true) })}
          />
        </FormField>
      </div>
    </div>
  );
}
