/** What the HTML reader knows about element names (the HTML spec's lists, as htmlparser2 keeps them). */

export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements whose content is not page text: script and style sources, an iframe's fallback. */
export const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'iframe',
  'noembed',
  'noframes',
]);

/** Elements that start a new line of text (so numbers in two cells are not read as one). */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'option',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'title',
  'tr',
  'ul',
]);

const P = new Set(['p']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const DD_DT = new Set(['dd', 'dt']);

/** Open elements an opening tag closes (`<li>` closes an open `<li>`, a block closes a `<p>`). */
export const OPEN_IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th', 'td'])],
  ['td', new Set(['th', 'td'])],
  ['a', new Set(['a'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['dd', DD_DT],
  ['dt', DD_DT],
  ['p', P],
  ['h1', HEADINGS],
  ['h2', HEADINGS],
  ['h3', HEADINGS],
  ['h4', HEADINGS],
  ['h5', HEADINGS],
  ['h6', HEADINGS],
  ...[
    'address',
    'article',
    'aside',
    'blockquote',
    'div',
    'dl',
    'fieldset',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((tag): [string, ReadonlySet<string>] => [tag, P]),
]);

/** Where each element that links somewhere keeps its link, and whether it is a page to visit. */
export const LINK_ATTRIBUTES: ReadonlyMap<string, { attribute: string; navigable: boolean }> =
  new Map([
    ['a', { attribute: 'href', navigable: true }],
    ['area', { attribute: 'href', navigable: true }],
    ['iframe', { attribute: 'src', navigable: true }],
    ['frame', { attribute: 'src', navigable: true }],
    ['img', { attribute: 'src', navigable: false }],
    ['script', { attribute: 'src', navigable: false }],
    ['link', { attribute: 'href', navigable: false }],
    ['embed', { attribute: 'src', navigable: false }],
    ['object', { attribute: 'data', navigable: false }],
  ]);

/** A footer by its id or class (footer, foot, bottom, copyright, 版权). */
export const FOOTER_NAME = /foot|bottom|copyright|版权/i;
