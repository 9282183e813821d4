import { resolveLink } from '../html/url';
import type { FoundLink } from './link-findings';

/**
 * The links of a Markdown document (issue 13): inline links and images `[text](url "title")`,
 * `![alt](src)`, and autolinks `<https://…>`. Reference-style links ([text][ref]) and raw HTML
 * inside Markdown are not read.
 */

const INLINE =
  /(!?)\[[^\]\n]{0,1000}\]\(\s*<?([^()\s<>]{1,2048})>?(?:\s+(?:"[^"\n]{0,500}"|'[^'\n]{0,500}'))?\s*\)/g;
const AUTOLINK = /<((?:https?:)\/\/[^<>\s]{1,2048})>/gi;

export function markdownLinks(text: string, baseUrl: string): FoundLink[] {
  const found: FoundLink[] = [];
  for (const m of text.matchAll(INLINE)) {
    const target = resolveLink(m[2] ?? '', baseUrl);
    if (target) found.push({ target, offset: m.index, navigable: m[1] !== '!', trick: null });
  }
  for (const m of text.matchAll(AUTOLINK)) {
    const target = resolveLink(m[1] ?? '', baseUrl);
    if (target) found.push({ target, offset: m.index, navigable: true, trick: null });
  }
  return found.sort((a, b) => a.offset - b.offset);
}
