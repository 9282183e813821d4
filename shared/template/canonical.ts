import type { Template } from './schema';

/**
 * The one JSON text of a template: keys in the schema's order (zod's parse output keeps it),
 * two-space indent, a final newline. Exports, the built-in file and round trips all use it.
 */
export function templateJson(template: Template): string {
  return `${JSON.stringify(template, null, 2)}\n`;
}
