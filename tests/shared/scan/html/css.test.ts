import { describe, expect, it } from 'vitest';
import { backgroundColour, parseColour, sameColour } from '../../../../shared/scan/html/colour';
import {
  parseDeclarations,
  parseLength,
  parseRevealSelector,
  parseSelector,
  parseStylesheet,
} from '../../../../shared/scan/html/css';
import { ALL_SCREENS, mediaMask } from '../../../../shared/scan/html/media';
import { RuleIndex } from '../../../../shared/scan/html/selectors';
import { collectStyleSheets } from '../../../../shared/scan/html/style-blocks';

describe('CSS declarations and lengths', () => {
  it('reads declarations, lower-case, with !important apart', () => {
    const { normal, important } = parseDeclarations(
      'Display: NONE ; color:#FFF!important; bad; :x',
    );
    expect([...normal]).toEqual([['display', 'none']]);
    expect([...important]).toEqual([['color', '#fff']]);
  });

  it('reads lengths in px, pt, em and rem, and refuses what it cannot judge', () => {
    expect([
      parseLength('-9999px'),
      parseLength('0'),
      parseLength('12pt'),
      parseLength('2em'),
    ]).toEqual([-9999, 0, 16, 32]);
    expect([
      parseLength('50%'),
      parseLength('auto'),
      parseLength('12'),
      parseLength(undefined),
    ]).toEqual([null, null, null, null]);
  });
});

describe('style sheets and selectors', () => {
  it('keeps simple selectors (comma lists, compounds, descendants) and skips the rest', () => {
    const rules = parseStylesheet(`/* c */ .a, div.b#c, #d > p a { display:none }
      a:hover { color: red } [hidden] { display:none } .e + .f { x: y }
      @font-face { font-family: x; src: url(x) } @media print { .p { display:none } }
      @media screen and (min-width: 1px) { .s { visibility: hidden } }`);
    expect(rules.map((r) => r.chain.map((c) => [c.tag, c.id, c.classes]))).toEqual([
      [[null, null, ['a']]],
      [['div', 'c', ['b']]],
      [
        [null, 'd', []],
        ['p', null, []],
        ['a', null, []],
      ],
      [[null, null, ['s']]],
    ]);
    expect(parseSelector('ul li:first-child')).toBeNull();
  });

  it('matches descendant selectors against the open ancestors only', () => {
    const index = new RuleIndex(parseStylesheet('#links a { display:none } .x { color:red }'));
    const a = { tag: 'a', id: '', classes: [] };
    expect(index.match(a, [{ tag: 'div', id: 'links', classes: [] }])).toHaveLength(1);
    expect(index.match(a, [{ tag: 'div', id: 'menu', classes: [] }])).toHaveLength(0);
    expect(index.match({ tag: 'p', id: '', classes: ['y', 'x'] }, [])).toHaveLength(1);
  });

  it('collects <style> blocks for the screen, in order', () => {
    const page = `<style>.a{}</style><STYLE media="print">.p{}</STYLE><style media="screen, print">.s{}</style><style>.open`;
    expect(collectStyleSheets(page)).toEqual(['.a{}', '.s{}', '.open']);
  });
});

describe('media conditions: the screens a rule applies on (desktop, tablet, phone)', () => {
  const DESKTOP = 1;
  const TABLET = 2;
  const PHONE = 4;

  it('reads widths, heights, orientation, resolution, hover and pointer', () => {
    expect(mediaMask('(max-width: 768px)')).toBe(PHONE);
    expect(mediaMask('screen and (min-width:769px)')).toBe(DESKTOP | TABLET);
    expect(mediaMask('only screen and (min-width: 48em) and (max-width: 1200px)')).toBe(TABLET);
    expect(mediaMask('(width < 768px)')).toBe(PHONE);
    expect(mediaMask('(768px <= width <= 1200px)')).toBe(TABLET);
    expect(mediaMask('(orientation: portrait)')).toBe(PHONE);
    expect(mediaMask('(-webkit-min-device-pixel-ratio: 2), (min-resolution: 192dpi)')).toBe(
      TABLET | PHONE,
    );
    expect(mediaMask('(hover: hover) and (pointer: fine)')).toBe(DESKTOP);
    expect(mediaMask('not screen and (max-width: 768px)')).toBe(DESKTOP | TABLET);
  });

  it('holds everywhere when always true or not understood, nowhere for print', () => {
    for (const all of ['screen', 'all', '(min-width: 1px)', 'screen, print', '(color)', '(foo)'])
      expect(mediaMask(all)).toBe(ALL_SCREENS);
    expect(mediaMask('print')).toBe(0);
    expect(mediaMask('(prefers-color-scheme: dark)')).toBe(0);
  });

  it('gives each rule the screens of its @media blocks, nested ones too', () => {
    const rules = parseStylesheet(`.a{display:none}
      @media (max-width: 768px) { .b{display:none} @media (orientation: portrait) { .c{color:red} } }
      .d{display:none} @media print { .e{display:none} } @media (min-width:0) { .f{display:none} }`);
    expect(rules.map((r) => [r.chain[0]?.classes[0], r.media])).toEqual([
      ['a', ALL_SCREENS],
      ['b', PHONE],
      ['c', PHONE],
      ['d', ALL_SCREENS],
      ['f', ALL_SCREENS],
    ]);
  });

  it('wraps a <style media> for some screens in its condition', () => {
    const [sheet] = collectStyleSheets('<style media="(max-width:768px)">.m{display:none}</style>');
    expect(parseStylesheet(sheet ?? '').map((r) => r.media)).toEqual([PHONE]);
  });
});

describe('reveal rules: drop-down menus, tabs', () => {
  it('reads a state on an ancestor, or a state class, as a rule for the selector without it', () => {
    const chain = (s: string) =>
      parseRevealSelector(s)?.chain.map((c) => [c.tag, c.classes.join('.')]);
    expect(chain('.menu li:hover .sub')).toEqual([
      [null, 'menu'],
      ['li', ''],
      [null, 'sub'],
    ]);
    expect(chain('li:focus-within > ul')).toEqual([
      ['li', ''],
      ['ul', ''],
    ]);
    expect(chain('.sub.show')).toEqual([[null, 'sub']]);
    expect(chain('li.on .sub')).toEqual([
      ['li', ''],
      [null, 'sub'],
    ]);
  });

  it('refuses a state on the element itself (a hidden element is never hovered), or none', () => {
    for (const s of ['.sub:hover', 'li .sub:focus', '.sub', 'li:hover *', 'li:first-child .x'])
      expect(parseRevealSelector(s)).toBeNull();
  });

  it('keeps only what shows, with the state counted in its specificity', () => {
    const rules = parseStylesheet(
      '.sub{display:none} li:hover .sub{display:block;color:red} li:hover .x{display:none}',
    );
    const reveal = rules.filter((r) => r.reveal);
    expect(reveal.map((r) => [[...r.declarations], r.specificity])).toEqual([
      [[['display', 'block']], 201],
    ]);
  });
});

describe('colours', () => {
  it('reads named, hex and rgb() colours, and none for transparent', () => {
    expect(parseColour('White')).toBe(0xffffff);
    expect(parseColour('#fff')).toBe(0xffffff);
    expect(parseColour('#F0F0F0')).toBe(0xf0f0f0);
    expect(parseColour('rgb(255, 0, 0)')).toBe(0xff0000);
    expect(parseColour('rgba(0 0 255 / 50%)')).toBe(0x0000ff);
    expect(parseColour('rgb(100%,100%,100%)')).toBe(0xffffff);
    expect(parseColour('transparent')).toBeNull();
    expect(parseColour('rgba(0,0,0,0)')).toBeNull();
    expect(parseColour('hsl(0, 0%, 100%)')).toBeNull();
    expect(parseColour('__proto__')).toBeNull();
  });

  it('finds the colour in a background shorthand, and compares colours closely', () => {
    expect(backgroundColour('url(bg.png) #ffffff no-repeat')).toBe(0xffffff);
    expect(backgroundColour('rgb(1,2,3) url(x.png)')).toBe(0x010203);
    expect(backgroundColour('url(bg.png)')).toBeNull();
    expect(sameColour(0xffffff, 0xfefefe)).toBe(true);
    expect(sameColour(0xffffff, 0xeeeeee)).toBe(false);
  });
});
