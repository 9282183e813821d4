import { describe, expect, it } from 'vitest';

/**
 * The renderer's folders and who may import whom (renderer/README.md): features never import each
 * other, shared pieces never import features, stores never import what they serve, and only
 * stores (and the last-resort error log) call the API.
 */
const sources = import.meta.glob<string>('../../renderer/**/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

interface Import {
  readonly from: string;
  /** Folder path under renderer/ of what is imported, e.g. "pages/walk/RegisterTable". */
  readonly to: string;
  readonly typeOnly: boolean;
}

const IMPORT = /^\s*import\s+(type\s+)?[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gm;

function resolve(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const parts = file.split('/').slice(0, -1);
  for (const segment of specifier.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

const imports: Import[] = Object.entries(sources).flatMap(([path, text]) => {
  const from = path.replace('../../renderer/', '');
  return [...text.matchAll(IMPORT)].flatMap((m) => {
    const to = resolve(from, m[2] ?? m[3]!);
    return to === null || to.startsWith('../') ? [] : [{ from, to, typeOnly: m[1] !== undefined }];
  });
});

const folder = (path: string) => path.split('/')[0]!;
/** "pages/walk" for a page's file, "pages" for one at the top of pages/. */
const feature = (path: string) => {
  const parts = path.split('/');
  return parts.length > 2 ? `pages/${parts[1]}` : 'pages';
};

const broken = (rule: (i: Import) => boolean) =>
  imports.filter(rule).map((i) => `${i.from} → ${i.to}${i.typeOnly ? ' (type)' : ''}`);

describe('the renderer’s import rules', () => {
  it('reads the renderer’s sources', () => {
    expect(imports.length).toBeGreaterThan(100);
    expect(imports).toContainEqual({
      from: 'pages/walk/WalkPage.tsx',
      to: 'stores/walk-store',
      typeOnly: false,
    });
  });

  it('a feature under pages/ never imports another, nor the app shell', () => {
    expect(
      broken(
        (i) =>
          folder(i.from) === 'pages' &&
          ((folder(i.to) === 'pages' && feature(i.to) !== feature(i.from)) ||
            folder(i.to) === 'app'),
      ),
    ).toEqual([]);
  });

  it('components/ and lib/ never import pages/ or the app shell', () => {
    expect(
      broken(
        (i) =>
          ['components', 'lib'].includes(folder(i.from)) && ['pages', 'app'].includes(folder(i.to)),
      ),
    ).toEqual([]);
  });

  it('stores/ never import pages/, components/ or the app shell', () => {
    expect(
      broken(
        (i) => folder(i.from) === 'stores' && ['pages', 'components', 'app'].includes(folder(i.to)),
      ),
    ).toEqual([]);
  });

  it('pages and components reach the API only through stores (types aside)', () => {
    expect(
      broken(
        (i) =>
          ['pages', 'components'].includes(folder(i.from)) && folder(i.to) === 'api' && !i.typeOnly,
      ),
    ).toEqual([]);
    const direct = Object.entries(sources)
      .filter(([path]) => /\/renderer\/(pages|components)\//.test(path))
      .filter(([, text]) => /window\.api\b|\bapi\(\)/.test(text))
      .map(([path]) => path);
    expect(direct).toEqual([]);
  });
});
