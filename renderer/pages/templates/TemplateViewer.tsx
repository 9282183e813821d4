import { useTranslation } from 'react-i18next';
import type { RefNames } from '../../../shared/template/describe';
import { describeCondition } from '../../../shared/template/describe';
import { printCondition } from '../../../shared/template/expression';
import { describeRule } from '../../../shared/template/rules';
import type { Choice, Item, Template } from '../../../shared/template/schema';
import { allItems } from '../../../shared/template/items';
import { EFFECT_LABELS } from '../../../shared/template/labels';
import { LegalBasisList } from '../../components/LegalBasisList';
import { useLocale } from '../../i18n/use-locale';
import { rangeText } from '../../lib/range';
import { useTemplatesStore } from '../../stores/templates-store';

/** One template, read-only: sections, items, legal bases, and rules in words. */
export function TemplateViewer({ template }: { template: Template }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const close = useTemplatesStore((s) => s.close);
  const itemNames = namesOf(
    allItems(template).map((i) => ({
      id: i.id,
      name: i.prompt,
      choices: 'choices' in i ? i.choices : undefined,
    })),
  );
  return (
    <section className="card viewer" aria-labelledby="template-viewer-title">
      <header className="viewer-header">
        <div>
          <h2 id="template-viewer-title">{pick(template.title)}</h2>
          <p className="hint">
            {t('templates.viewerMeta', {
              id: template.id,
              version: template.version,
              issuer: pick(template.issuer),
            })}
          </p>
        </div>
        <button type="button" className="button button-quiet" onClick={close}>
          {t('templates.close')}
        </button>
      </header>
      <nav className="viewer-toc" aria-label={t('templates.sections')}>
        {template.sections.map((section, index) => (
          <a
            key={section.id}
            href={`#template-section-${section.id}`}
            onClick={(e) => jump(e, section.id)}
          >
            {index + 1}. {pick(section.title)}
          </a>
        ))}
      </nav>
      {template.sections.map((section, index) => (
        <section key={section.id} id={`template-section-${section.id}`} className="viewer-section">
          <h3>
            {index + 1}. {pick(section.title)}
          </h3>
          <ol className="viewer-items">
            {section.items.map((item) => (
              <ItemView key={item.id} item={item} itemNames={itemNames} />
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}

// Hash links would change the page's route: scroll instead.
function jump(event: React.MouseEvent, sectionId: string) {
  event.preventDefault();
  document.getElementById(`template-section-${sectionId}`)?.scrollIntoView({ block: 'start' });
}

/** What the answer may be: the choices, or a number's unit and range. */
function ItemAnswers({ item }: { item: Item }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  if (item.kind === 'choice' || item.kind === 'multi') {
    return (
      <p className="viewer-line">
        <span className="viewer-label">{t('templates.choicesLabel')}</span>{' '}
        {item.choices.map((c) => pick(c.label)).join(t('templates.listSeparator'))}
      </p>
    );
  }
  if (item.kind !== 'number') return null;
  const range = rangeText(t, item.min, item.max);
  if (!item.unit && range === null) return null;
  return (
    <p className="viewer-line">
      {item.unit && (
        <>
          <span className="viewer-label">{t('templates.unitLabel')}</span> {pick(item.unit)}{' '}
        </>
      )}
      {range !== null && (
        <>
          <span className="viewer-label">{t('templates.rangeLabel')}</span> {range}
        </>
      )}
    </p>
  );
}

/** How conditions name what they refer to: an item's prompt or a column's label, and its choices. */
function namesOf(
  things: readonly { id: string; name: Item['prompt']; choices?: readonly Choice[] }[],
): RefNames {
  const byId = new Map(things.map((t) => [t.id, t]));
  return {
    name: (ref) => byId.get(ref)?.name ?? { 'zh-CN': ref, 'en-US': ref },
    label: (ref, value) => byId.get(ref)?.choices?.find((c) => c.value === value)?.label,
  };
}

function ItemView({ item, itemNames }: { item: Item; itemNames: RefNames }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const columnNames =
    item.kind === 'register'
      ? namesOf(item.columns.map((c) => ({ id: c.id, name: c.label, choices: c.choices })))
      : itemNames;
  return (
    <li className="viewer-item">
      <p className="viewer-prompt">{pick(item.prompt)}</p>
      <p className="viewer-meta">
        <code>{item.id}</code>
        <span className="tag">{t(`templates.kinds.${item.kind}`)}</span>
        {item.required && <span className="tag">{t('templates.required')}</span>}
        {item.evidence !== 'none' && (
          <span className="tag">{t(`templates.evidence.${item.evidence}`)}</span>
        )}
      </p>
      {item.guidance && <p className="hint">{pick(item.guidance)}</p>}
      <ItemAnswers item={item} />
      {item.visibleIf && (
        <p className="viewer-line">
          <span className="viewer-label">{t('templates.shownWhen')}</span>{' '}
          {pick(describeCondition(item.visibleIf, itemNames))}{' '}
          <code>{printCondition(item.visibleIf)}</code>
        </p>
      )}
      {item.rules.length > 0 && (
        <ul className="viewer-rules" aria-label={t('templates.rules')}>
          {item.rules.map((rule, i) => (
            <li key={i}>{pick(describeRule(rule, item))}</li>
          ))}
        </ul>
      )}
      {item.kind === 'register' && (
        <>
          <p className="viewer-line">
            <span className="viewer-label">{t('templates.columnsLabel')}</span>{' '}
            {item.columns.map((c) => pick(c.label)).join(t('templates.listSeparator'))}
          </p>
          {item.rowRules.length > 0 && (
            <ul className="viewer-rules" aria-label={t('templates.rowRules')}>
              {item.rowRules.map((rule) => (
                <li key={rule.id}>
                  {t('templates.rowWhen', {
                    when: pick(describeCondition(rule.when, columnNames)),
                    effect: pick(EFFECT_LABELS[rule.effect]),
                    message: pick(rule.message),
                  })}{' '}
                  <code>{printCondition(rule.when)}</code>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <LegalBasisList basis={item.basis} className="viewer-basis" label={t('templates.basis')} />
    </li>
  );
}
