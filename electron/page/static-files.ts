import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The renderer build as both shells serve it (the desktop app's qinglang:// protocol and the
 * browser harness): the same path rules and the same CSP.
 */

// No .html: the one page, index.html, is served only by its own route, with its CSP header.
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
}

/**
 * Reads a file of the renderer build for a decoded URL path, or null when there is none. Paths
 * that leave the build folder, hidden files, backslashes and NUL bytes are never served.
 */
export async function readStaticFile(root: string, decoded: string): Promise<StaticFile | null> {
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${decoded}`);
  if (!file.startsWith(base + path.sep)) return null;
  if (
    path
      .relative(base, file)
      .split(path.sep)
      .some((part) => part.startsWith('.'))
  )
    return null;
  const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()];
  if (!contentType) return null;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return null;
    return { body: await fs.readFile(file), contentType };
  } catch {
    return null;
  }
}

/** The CSP the renderer declares in its own index.html, so both shells send it as a header too. */
export function cspOf(indexHtml: string): string | null {
  const match = indexHtml.match(
    /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i,
  );
  return match?.[1] ?? null;
}
