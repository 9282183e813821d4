import { AppError } from '../../shared/errors';
import type { TemplateRef } from '../../shared/settings';
import type { Template } from '../../shared/template/schema';
import { ID_PATTERN, VERSION_PATTERN } from '../../shared/template/schema';
import { BUILT_IN_TEMPLATES } from '../services/templates/template-store';
import { CliError, EXIT_USAGE, fromAppError } from './io';
import { openCliServices } from './services';

/**
 * How the CLI names a template that is built in or installed in the data folder: `ID@VERSION`,
 * e.g. school_security@2026.1 (the name of its file in <data folder>/templates/). Null when the
 * text is not of that form.
 */
export function parseTemplateRef(text: string): TemplateRef | null {
  const at = text.lastIndexOf('@');
  const [id, version] = [text.slice(0, at), text.slice(at + 1)];
  return at > 0 && ID_PATTERN.test(id) && VERSION_PATTERN.test(version) ? { id, version } : null;
}

/**
 * The template `ref` names: a built-in one without touching the data folder, else one installed
 * there. A template that is neither is a clear error (exit 2, as for any usage problem).
 */
export function namedTemplate(ref: TemplateRef, env: NodeJS.ProcessEnv): Template {
  const builtIn = BUILT_IN_TEMPLATES.find((t) => t.id === ref.id && t.version === ref.version);
  if (builtIn) return builtIn;
  try {
    return openCliServices(env).templates.get(ref);
  } catch (error) {
    if (error instanceof AppError && error.code === 'template-not-found') {
      throw new CliError(
        {
          'zh-CN': `没有安装 ${ref.id} 的 ${ref.version} 版本（已安装的模板见应用的“模板”页）`,
          'en-US': `${ref.id} version ${ref.version} is not installed or built in (the app's Templates page lists them)`,
        },
        EXIT_USAGE,
      );
    }
    if (error instanceof AppError) throw new CliError(fromAppError(error).text, EXIT_USAGE);
    if (error instanceof CliError) throw new CliError(error.text, EXIT_USAGE);
    throw error;
  }
}
