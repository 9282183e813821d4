/**
 * A host as the content review takes it (a site's name, with a port when it has one): what the
 * scan channel accepts and what the page checks before sending.
 */
export const HOST_PATTERN = /^[A-Za-z0-9.-]+(:\d{1,5})?$/;

/** Hosts typed as a list (one a line, or separated by commas or spaces), trimmed, lower-cased, once each. */
export function parseHostList(text: string): string[] {
  const hosts = text
    .split(/[\s,，、;；]+/)
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
  return [...new Set(hosts)];
}

/**
 * A host (with its port, if any) as hosts are compared: lower-case, without the trailing dot a
 * fully qualified name may be written with — `www.school.cn.` and `www.school.cn` are one host.
 */
export function hostKey(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/\.(?=(?::\d*)?$)/, '');
}
