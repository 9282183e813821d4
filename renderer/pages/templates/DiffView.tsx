import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../shared/i18n/locale';
import {
  COLUMN_FIELD_LABELS,
  DIFF_LABELS,
  diffCounts,
  ITEM_FIELD_LABELS,
  ROW_RULE_FIELD_LABELS,
} from '../../../shared/template/diff-labels';
import type {
  ItemChange,
  ItemEntry,
  RegisterDiff,
  TemplateDiff,
} from '../../../shared/template/diff-schema';
import { useLocale } from '../../i18n/use-locale';

type Tone = 'added' | 'removed' | 'changed';

/** One group of the diff (added, removed or changed), with its count in the heading. */
function Group(props: { label: Bilingual; count: number; tone: Tone; children: ReactNode }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const id = useId();
  if (props.count === 0) return null;
  return (
    <section className={`diff-group diff-${props.tone}`} aria-labelledby={id}>
      <h3 id={id}>
        {t('templates.compareCount', { label: pick(props.label), count: props.count })}
      </h3>
      {props.children}
    </section>
  );
}

function EntryHead({ entry }: { entry: ItemEntry }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  return (
    <>
      <p className="viewer-prompt">{pick(entry.prompt)}</p>
      <p className="viewer-meta">
        <code>{entry.id}</code>
        <span className="tag">{pick(entry.section)}</span>
        <span className="tag">
          {t(`templates.kinds.${entry.kind}`, { defaultValue: entry.kind })}
        </span>
      </p>
    </>
  );
}

/** A register's columns and row rules, one line each: what came, went or changed (and how). */
function RegisterChanges({ register }: { register: RegisterDiff }) {
  const { pick } = useLocale();
  const { t } = useTranslation();
  const lines: {
    key: string;
    label: Bilingual;
    id: string;
    name: Bilingual;
    fields?: Bilingual[];
  }[] = [
    ...register.columnsAdded.map((c) => ({
      key: `ca-${c.id}`,
      label: DIFF_LABELS.columnsAdded,
      ...c,
    })),
    ...register.columnsRemoved.map((c) => ({
      key: `cr-${c.id}`,
      label: DIFF_LABELS.columnsRemoved,
      ...c,
    })),
    ...register.columnsChanged.map((c) => ({
      key: `cc-${c.id}`,
      label: DIFF_LABELS.columnsChanged,
      id: c.id,
      name: c.name,
      fields: c.fields.map((f) => COLUMN_FIELD_LABELS[f]),
    })),
    ...register.rowRulesAdded.map((r) => ({
      key: `ra-${r.id}`,
      label: DIFF_LABELS.rowRulesAdded,
      ...r,
    })),
    ...register.rowRulesRemoved.map((r) => ({
      key: `rr-${r.id}`,
      label: DIFF_LABELS.rowRulesRemoved,
      ...r,
    })),
    ...register.rowRulesChanged.map((r) => ({
      key: `rc-${r.id}`,
      label: DIFF_LABELS.rowRulesChanged,
      id: r.id,
      name: r.name,
      fields: r.fields.map((f) => ROW_RULE_FIELD_LABELS[f]),
    })),
  ];
  if (lines.length === 0) return null;
  return (
    <ul className="viewer-rules">
      {lines.map((line) => (
        <li key={line.key}>
          <span className="viewer-label">{pick(line.label)}</span> <code>{line.id}</code>
          {pick(line.name)}
          {line.fields && (
            <span className="viewer-label">
              {' '}
              {t('templates.compareFields', {
                fields: line.fields.map(pick).join(t('templates.listSeparator')),
              })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function ChangeView({ change }: { change: ItemChange }) {
  const { pick } = useLocale();
  return (
    <li className="viewer-item">
      <EntryHead entry={change} />
      <dl className="diff-fields">
        {change.changes.map(({ field, before, after }) => (
          <div key={field} className="diff-field">
            <dt>{pick(ITEM_FIELD_LABELS[field])}</dt>
            <dd>
              {before && after ? (
                <>
                  <div>
                    <span className="viewer-label">{pick(DIFF_LABELS.before)}</span>{' '}
                    <del>{pick(before)}</del>
                  </div>
                  <div>
                    <span className="viewer-label">{pick(DIFF_LABELS.after)}</span>{' '}
                    <ins>{pick(after)}</ins>
                  </div>
                </>
              ) : (
                <span className="viewer-label">{pick(DIFF_LABELS.changed)}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {change.register && <RegisterChanges register={change.register} />}
    </li>
  );
}

/** What changed between two versions, grouped: sections, then items added, removed, changed. */
export function DiffView({ diff }: { diff: TemplateDiff }) {
  const { pick } = useLocale();
  const { sections, items } = diff;
  if (diff.same)
    return (
      <p className="diff-summary" role="status">
        {pick(DIFF_LABELS.same)}
      </p>
    );
  return (
    <div className="diff">
      <p className="diff-summary" role="status">
        {pick(diffCounts(diff))}
      </p>
      <Group label={DIFF_LABELS.sectionsAdded} count={sections.added.length} tone="added">
        <ul className="diff-list">
          {sections.added.map((s) => (
            <li key={s.id}>
              {pick(s.name)} <code>{s.id}</code>
            </li>
          ))}
        </ul>
      </Group>
      <Group label={DIFF_LABELS.sectionsRemoved} count={sections.removed.length} tone="removed">
        <ul className="diff-list">
          {sections.removed.map((s) => (
            <li key={s.id}>
              {pick(s.name)} <code>{s.id}</code>
            </li>
          ))}
        </ul>
      </Group>
      <Group label={DIFF_LABELS.sectionsRenamed} count={sections.renamed.length} tone="changed">
        <ul className="diff-list">
          {sections.renamed.map((s) => (
            <li key={s.id}>
              <del>{pick(s.before)}</del> → <ins>{pick(s.after)}</ins> <code>{s.id}</code>
            </li>
          ))}
        </ul>
      </Group>
      <Group label={DIFF_LABELS.itemsAdded} count={items.added.length} tone="added">
        <ol className="viewer-items">
          {items.added.map((i) => (
            <li key={i.id} className="viewer-item">
              <EntryHead entry={i} />
            </li>
          ))}
        </ol>
      </Group>
      <Group label={DIFF_LABELS.itemsRemoved} count={items.removed.length} tone="removed">
        <ol className="viewer-items">
          {items.removed.map((i) => (
            <li key={i.id} className="viewer-item">
              <EntryHead entry={i} />
            </li>
          ))}
        </ol>
      </Group>
      <Group label={DIFF_LABELS.itemsChanged} count={items.changed.length} tone="changed">
        <ol className="viewer-items">
          {items.changed.map((c) => (
            <ChangeView key={c.id} change={c} />
          ))}
        </ol>
      </Group>
    </div>
  );
}
