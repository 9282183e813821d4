/**
 * Resolving a page's links (issue 13). The WHATWG URL class is a global of every JavaScript host
 * this code runs in (Node, Chromium); shared/ is compiled without DOM or Node types, so the little
 * of it used here is declared below.
 */

interface WhatwgUrl {
  readonly href: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  hash: string;
}

declare const URL: new (input: string, base?: string) => WhatwgUrl;

/** The longest link kept (findingSchema's `target` limit). */
export const MAX_URL = 2048;

function parse(input: string, base?: string): WhatwgUrl | null {
  try {
    return new URL(input, base);
  } catch {
    return null;
  }
}

/**
 * An href or src as an absolute http(s) URL without its fragment, or null: empty and
 * fragment-only references (the page itself), javascript:, mailto:, tel:, data: and every other
 * scheme, unparsable and overlong ones, and those whose host is no host name (isHostName).
 */
export function resolveLink(reference: string, base: string): string | null {
  // The URL parser itself strips surrounding spaces and controls and drops tabs and newlines.
  const trimmed = reference.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.length > MAX_URL) return null;
  const url = parse(trimmed, base);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (!isHostName(url.hostname)) return null;
  url.hash = '';
  return url.href.length > MAX_URL ? null : url.href;
}

/** A label of a host name: letters, digits, hyphens (not at either end), underscores; ≤ 63. */
const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/**
 * Whether a URL's hostname (as the URL parser gives it: lower-case, punycode) can name a real
 * host: an IPv6 address, or dot-separated labels with none empty. Not `www.` alone (nor `a..b`,
 * `.x`, `-x.cn`): what a script leaves of an address it builds by concatenation
 * (`'http://www.'+'bet365.com/'`), which names no site and is no link. A trailing dot after two
 * labels or more is a fully qualified name (`www.school.cn.`) and stands.
 */
export function isHostName(hostname: string): boolean {
  if (hostname.startsWith('[')) return true;
  const qualified = hostname.endsWith('.');
  const name = qualified ? hostname.slice(0, -1) : hostname;
  if (name === '' || name.length > 253) return false;
  const labels = name.split('.');
  if (qualified && labels.length < 2) return false;
  return labels.every((label) => LABEL.test(label));
}

/** A base URL a `<base href>` sets, resolved against the page's own, or null when unusable. */
export function resolveBase(reference: string, base: string): string | null {
  const url = parse(reference.trim(), base);
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
}

/** The host of an absolute URL (lower-case, with its port when it has one) and its hostname. */
export function hostOf(link: string): { readonly host: string; readonly hostname: string } | null {
  const url = parse(link);
  return url ? { host: url.host, hostname: url.hostname } : null;
}
