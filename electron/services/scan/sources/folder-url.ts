import { FOLDER_BASE } from '../../../../shared/scan/page';

/**
 * A folder's files as URLs (PageInput.baseUrl): `FOLDER_BASE` + the relative path with each
 * segment percent-encoded as a browser would write it, so a page's relative links resolve to
 * URLs that `relativeOfFolderUrl` turns back into the relative path of the file they name.
 */
export function folderUrlOf(relative: string): string {
  const encoded = relative.split('/').map(encodeURIComponent).join('/');
  return new URL(encoded, FOLDER_BASE).href;
}

/**
 * The relative path a URL on the folder's host names (its query and fragment dropped), or
 * null when it is not on that host or its escapes are not valid UTF-8.
 */
export function relativeOfFolderUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== new URL(FOLDER_BASE).origin) return null;
  try {
    return parsed.pathname
      .slice(1)
      .split('/')
      .map((segment) => decodeURIComponent(segment))
      .join('/');
  } catch {
    return null;
  }
}
