import { relativeOfFolderUrl } from './sources/folder-url';

/**
 * Whether a link inside a scanned folder points at a file that is there. A folder's files are
 * read as if served from FOLDER_BASE, so a link is a URL on that host: its path, percent-decoded,
 * query and fragment dropped (sources/folder-url.ts), is a path relative to the folder; a
 * folder's own address means its index page. Names are compared ignoring case: a saved copy of a site often comes from a server
 * (IIS) that ignores it, and its pages link to `News/Index.html` as often as `news/index.html`.
 */

const INDEX_PAGES = ['index.html', 'index.htm', 'default.htm', 'default.html', 'index.shtml'];

export class FolderIndex {
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>(['']);

  /** Every file in the folder (read or not: an image is a link's target too), relative, with '/'. */
  constructor(paths: Iterable<string>) {
    for (const file of paths) {
      const name = file.toLowerCase();
      this.files.add(name);
      for (let slash = name.lastIndexOf('/'); slash > 0; slash = name.lastIndexOf('/', slash - 1))
        this.folders.add(name.slice(0, slash));
    }
  }

  /** Whether a link is alive: true or false for a link into the folder, null for any other. */
  alive(target: string): boolean | null {
    const relative = relativeOfFolderUrl(target);
    if (relative === null) return null;
    const name = relative.toLowerCase();
    const folder = name.endsWith('/') ? name.slice(0, -1) : name;
    if (!name.endsWith('/') && name !== '' && this.files.has(name)) return true;
    if (!this.folders.has(folder)) return false;
    const prefix = folder === '' ? '' : `${folder}/`;
    return INDEX_PAGES.some((page) => this.files.has(prefix + page));
  }
}
