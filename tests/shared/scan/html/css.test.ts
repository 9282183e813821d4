import { describe, expect, it } from 'vitest';
import { backgroundColour, parseColour, sameColour } from '../../../../shared/scan/html/colour';
import {
  parseDeclarations,
  parseLength,
  parseSelector,
  parseStylesheet,
} from '../../../../shared/scan/html/css';
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
