import { describe, expect, it } from 'vitest';
import type { Ink, Pad, Point } from '../../../../renderer/pages/review/signature-strokes';
import {
  canRedo,
  canUndo,
  clear,
  drawStroke,
  drawStrokes,
  EMPTY_PAD,
  endStroke,
  extendStroke,
  inkBox,
  isEmpty,
  PAD_HEIGHT,
  PAD_WIDTH,
  padPoint,
  penWidth,
  pressureOf,
  redo,
  startStroke,
  undo,
} from '../../../../renderer/pages/review/signature-strokes';

const p = (x: number, y: number, pressure = 0.5): Point => ({ x, y, pressure });

/** Draws a stroke through the given points, as pointer down, moves and up do. */
function stroke(pad: Pad, ...points: Point[]): Pad {
  let next = startStroke(pad, points[0]!);
  for (const point of points.slice(1)) next = extendStroke(next, point);
  return endStroke(next);
}

describe('the signature pad’s strokes', () => {
  it('keeps each stroke as its points, in the order drawn', () => {
    const pad = stroke(stroke(EMPTY_PAD, p(10, 10), p(20, 15)), p(100, 50), p(110, 60), p(120, 55));
    expect(pad.strokes).toEqual([
      [p(10, 10), p(20, 15)],
      [p(100, 50), p(110, 60), p(120, 55)],
    ]);
    expect(pad.current).toBeNull();
    expect(isEmpty(pad)).toBe(false);
  });

  it('is empty until something is drawn, and a tap is a dot, not nothing', () => {
    expect(isEmpty(EMPTY_PAD)).toBe(true);
    expect(isEmpty(startStroke(EMPTY_PAD, p(5, 5)))).toBe(false);
    expect(stroke(EMPTY_PAD, p(5, 5)).strokes).toEqual([[p(5, 5)]]);
  });

  it('adds no point where the pen already is', () => {
    const pad = extendStroke(startStroke(EMPTY_PAD, p(5, 5)), p(5, 5, 0.9));
    expect(pad.current).toEqual([p(5, 5)]);
    expect(extendStroke(EMPTY_PAD, p(1, 1))).toBe(EMPTY_PAD);
    expect(endStroke(EMPTY_PAD)).toBe(EMPTY_PAD);
  });

  it('undoes and redoes whole strokes, last first', () => {
    const a = [p(1, 1), p(2, 2)];
    const b = [p(3, 3), p(4, 4)];
    const drawn = stroke(stroke(EMPTY_PAD, ...a), ...b);
    const once = undo(drawn);
    expect(once.strokes).toEqual([a]);
    const twice = undo(once);
    expect(twice.strokes).toEqual([]);
    expect(canUndo(twice)).toBe(false);
    expect(undo(twice)).toEqual(twice);
    expect(redo(twice).strokes).toEqual([a]);
    expect(redo(redo(twice)).strokes).toEqual([a, b]);
    expect(canRedo(redo(redo(twice)))).toBe(false);
  });

  it('forgets what was undone once a new stroke is drawn', () => {
    const pad = undo(stroke(stroke(EMPTY_PAD, p(1, 1)), p(2, 2)));
    expect(canRedo(pad)).toBe(true);
    const drawn = stroke(pad, p(9, 9));
    expect(canRedo(drawn)).toBe(false);
    expect(drawn.strokes).toEqual([[p(1, 1)], [p(9, 9)]]);
  });

  it('undo during a stroke takes back that stroke; redo waits until the pen is up', () => {
    const drawing = extendStroke(startStroke(stroke(EMPTY_PAD, p(1, 1)), p(5, 5)), p(6, 6));
    expect(canUndo(drawing)).toBe(true);
    expect(undo(drawing).strokes).toEqual([[p(1, 1)]]);
    const withUndone = startStroke(undo(stroke(EMPTY_PAD, p(1, 1))), p(2, 2));
    expect(canRedo(withUndone)).toBe(false);
    expect(redo(withUndone)).toBe(withUndone);
  });

  it('clears the pad, and redo brings the strokes back in their order', () => {
    const a = [p(1, 1)];
    const b = [p(2, 2)];
    const cleared = clear(stroke(stroke(EMPTY_PAD, ...a), ...b));
    expect(isEmpty(cleared)).toBe(true);
    expect(canUndo(cleared)).toBe(false);
    expect(redo(cleared).strokes).toEqual([a]);
    expect(redo(redo(cleared)).strokes).toEqual([a, b]);
  });

  it('keeps points inside the pad, and a pen that reports no pressure draws as a mouse', () => {
    expect(padPoint(-20, PAD_HEIGHT + 30, 0)).toEqual(p(0, PAD_HEIGHT, 0.5));
    expect(padPoint(PAD_WIDTH + 1, 50, 0.8)).toEqual(p(PAD_WIDTH, 50, 0.8));
    expect(pressureOf(0)).toBe(0.5);
    expect(pressureOf(1.5)).toBe(0.5);
    expect(pressureOf(0.25)).toBe(0.25);
    expect(penWidth(1)).toBeGreaterThan(penWidth(0.5));
    expect(penWidth(0.5)).toBeGreaterThan(penWidth(0));
  });
});

describe('the area the ink covers', () => {
  it('is nothing on an empty pad', () => {
    expect(inkBox([], 10)).toBeNull();
    expect(inkBox([[]], 10)).toBeNull();
  });

  it('spans every point, grown by the pen and the margin', () => {
    const half = penWidth(0.5) / 2;
    const box = inkBox([[p(100, 50), p(200, 80)], [p(150, 120)]], 10)!;
    expect(box.x).toBeCloseTo(100 - half - 10);
    expect(box.y).toBeCloseTo(50 - half - 10);
    expect(box.width).toBeCloseTo(100 + 2 * half + 20);
    expect(box.height).toBeCloseTo(70 + 2 * half + 20);
  });

  it('stays within the pad near its edges', () => {
    const box = inkBox([[p(2, 3), p(PAD_WIDTH - 1, PAD_HEIGHT - 2)]], 12)!;
    expect(box).toEqual({ x: 0, y: 0, width: PAD_WIDTH, height: PAD_HEIGHT });
  });
});

/** A context that writes down what is drawn. */
function recorder() {
  const calls: string[] = [];
  const ink: Ink = {
    lineCap: 'butt',
    lineJoin: 'miter',
    lineWidth: 1,
    strokeStyle: '',
    fillStyle: '',
    beginPath: () => calls.push('begin'),
    moveTo: (x, y) => calls.push(`move ${x},${y}`),
    lineTo: (x, y) => calls.push(`line ${x},${y}`),
    arc: (x, y, r) => calls.push(`arc ${x},${y} r${r.toFixed(2)}`),
    stroke: () => calls.push('stroke'),
    fill: () => calls.push('fill'),
  };
  return { ink, calls };
}

describe('drawing', () => {
  it('draws a stroke segment by segment, round, in the ink colour', () => {
    const { ink, calls } = recorder();
    drawStrokes(ink, [[p(0, 0), p(10, 0), p(10, 10)]], '#123456');
    expect(ink).toMatchObject({ lineCap: 'round', lineJoin: 'round', strokeStyle: '#123456' });
    expect(calls).toEqual([
      'begin',
      'move 0,0',
      'line 10,0',
      'stroke',
      'begin',
      'move 10,0',
      'line 10,10',
      'stroke',
    ]);
  });

  it('draws a dot for a tap, and only the new part of a stroke while the pen moves', () => {
    const { ink, calls } = recorder();
    drawStroke(ink, [p(4, 4)], 0);
    expect(calls).toEqual(['begin', `arc 4,4 r${(penWidth(0.5) / 2).toFixed(2)}`, 'fill']);
    calls.length = 0;
    drawStroke(ink, [p(0, 0), p(1, 1), p(2, 2)], 2);
    expect(calls).toEqual(['begin', 'move 1,1', 'line 2,2', 'stroke']);
    calls.length = 0;
    drawStroke(ink, [], 0);
    expect(calls).toEqual([]);
  });

  it('follows the pressure along the line', () => {
    const widths: number[] = [];
    const { ink } = recorder();
    const tracked = new Proxy(ink, {
      set(target, key, value) {
        if (key === 'lineWidth') widths.push(value as number);
        return Reflect.set(target, key, value);
      },
    });
    drawStroke(tracked, [p(0, 0, 0.2), p(5, 0, 0.2), p(10, 0, 1)], 0);
    expect(widths).toEqual([penWidth(0.2), penWidth(0.6)]);
  });
});
