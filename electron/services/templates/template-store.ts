import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { TemplateRef } from '../../../shared/settings';
import type { StorageNotice } from '../../../shared/storage-notice';
import { templateJson } from '../../../shared/template/canonical';
import type { Template } from '../../../shared/template/schema';
import { templateSchema } from '../../../shared/template/schema';
import { allItems } from '../../../shared/template/items';
import type { TemplateSummary } from '../../../shared/template/summary';
import builtIn2026v1 from '../../../resources/templates/school-security-2026.1.json';
import builtIn2026v2 from '../../../resources/templates/school-security-2026.2.json';
import { dataPaths, TEMPLATES_DIR, templateFileName } from '../data-layout';
import type { Logger } from '../logger';
import { quarantine } from '../quarantine';
import { parseTemplateJson } from './template-files';

/**
 * The checklists shipped with the app (resources/templates/, bundled into the Node build), oldest
 * first. A shipped file is never edited: inspections pin its hash, so a change is a new version
 * beside it, and every earlier one stays built in for the inspections made against it.
 */
export const BUILT_IN_TEMPLATES: readonly Template[] = [builtIn2026v1, builtIn2026v2].map((file) =>
  templateSchema.parse(file),
);

/** The newest built-in checklist: what new inspections and the samples use unless told otherwise. */
export const LATEST_BUILT_IN: Template = BUILT_IN_TEMPLATES[BUILT_IN_TEMPLATES.length - 1]!;

/** A built-in checklist by version (e.g. "2026.1"); throws for a version that was never shipped. */
export function builtInTemplate(version: string): Template {
  const found = BUILT_IN_TEMPLATES.find((t) => t.version === version);
  if (!found) throw new AppError('template-not-found');
  return found;
}

const isBuiltIn = (template: Template) => BUILT_IN_TEMPLATES.includes(template);

const hashes = new WeakMap<Template, string>();

/** SHA-256 of the canonical JSON; templates are never mutated, so each is hashed once. */
export function templateHash(template: Template): string {
  let hash = hashes.get(template);
  if (hash === undefined) {
    hash = createHash('sha256').update(templateJson(template), 'utf8').digest('hex');
    hashes.set(template, hash);
  }
  return hash;
}

export interface TemplateStore {
  list(): TemplateSummary[];
  get(ref: TemplateRef): Template;
  /** Installs a checked template; the same id + version with other content is refused. */
  install(template: Template): TemplateSummary;
  readonly notices: readonly StorageNotice[];
}

interface Options {
  readonly dataDir: string;
  readonly log: Logger;
  /** The template chosen for new inspections, from settings. */
  readonly defaultRef: () => TemplateRef | undefined;
  readonly now?: () => Date;
}

const same = (a: TemplateRef, b: TemplateRef) => a.id === b.id && a.version === b.version;

/**
 * Installed templates: the built-in ones (the latest is the default until the user chooses
 * another) plus those imported into <dataDir>/templates/, one file
 * per id + version in canonical JSON. A file that no longer validates is kept aside and reported.
 */
export function openTemplateStore(options: Options): TemplateStore {
  const paths = dataPaths(options.dataDir);
  const dir = paths.templates;
  const now = options.now ?? (() => new Date());
  const notices: StorageNotice[] = [];
  const installed = new Map<string, Template>();

  fs.mkdirSync(dir, { recursive: true });
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json') && !n.includes('.corrupt-'))
    .sort()) {
    const file = path.join(dir, name);
    const checked = parseTemplateJson(fs.readFileSync(file, 'utf8'));
    if (checked.ok && name === templateFileName(checked.template)) {
      installed.set(name, checked.template);
    } else {
      const keptAs = quarantine(file, now());
      notices.push({
        kind: 'quarantined',
        file: `${TEMPLATES_DIR}/${name}`,
        keptAs: `${TEMPLATES_DIR}/${keptAs}`,
      });
      options.log.warn('templates.quarantined', { keptAs });
    }
  }

  const all = (): Template[] => [...BUILT_IN_TEMPLATES, ...installed.values()];
  const summary = (template: Template): TemplateSummary => {
    const chosen = options.defaultRef();
    const isDefault =
      chosen && all().some((t) => same(t, chosen))
        ? same(template, chosen)
        : template === LATEST_BUILT_IN;
    return {
      id: template.id,
      version: template.version,
      title: template.title,
      issuer: template.issuer,
      builtIn: isBuiltIn(template),
      isDefault,
      hash: templateHash(template),
      sections: template.sections.length,
      items: allItems(template).length,
    };
  };

  return {
    notices,
    list: () => all().map(summary),
    get(ref) {
      const found = all().find((t) => same(t, ref));
      if (!found) throw new AppError('template-not-found');
      return found;
    },
    install(template) {
      const existing = all().find((t) => same(t, template));
      if (existing) {
        if (templateHash(existing) !== templateHash(template))
          throw new AppError('template-exists');
        return summary(existing);
      }
      const target = paths.templateFile(template);
      // A fresh name every time: a temp file left by a crash can never block the next install.
      const temp = `${target}.${randomUUID()}.tmp`;
      try {
        fs.writeFileSync(temp, templateJson(template), { flag: 'wx' });
        fs.renameSync(temp, target);
      } catch (error) {
        fs.rmSync(temp, { force: true });
        options.log.error('templates.install-failed', error);
        throw new AppError('storage-failed');
      }
      installed.set(templateFileName(template), template);
      options.log.info('templates.installed', { id: template.id, version: template.version });
      return summary(template);
    },
  };
}
