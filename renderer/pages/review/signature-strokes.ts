/**
 * The signature pad's model, pure: strokes as data, undo and redo by whole strokes, the area the
 * ink covers, and drawing onto anything shaped like a 2D canvas context. The pad (SignaturePad)
 * feeds it pointer positions; the PNG is drawn from it, not copied from the screen.
 */

/** A point in the pad's own units (its logical width and height), with the pen's pressure. */
export interface Point {
  readonly x: number;
  readonly y: number;
  /** 0–1; a mouse reports 0.5 while its button is down. */
  readonly pressure: number;
}

export type Stroke = readonly Point[];

export interface Pad {
  /** Finished strokes, in the order drawn. */
  readonly strokes: readonly Stroke[];
  /** Strokes taken back by undo, the last one undone first; a new stroke forgets them. */
  readonly undone: readonly Stroke[];
  /** The stroke being drawn (pointer down), if any. */
  readonly current: Stroke | null;
}

export const EMPTY_PAD: Pad = { strokes: [], undone: [], current: null };

/** The pad's logical size: coordinates are kept in these units whatever size it is shown at. */
export const PAD_WIDTH = 600;
export const PAD_HEIGHT = 200;
/** The pen's width at pressure 0.5, in pad units. */
export const PEN_WIDTH = 2.6;

/** Pressure as the pen reports it; devices that report none (0) draw as a mouse does. */
export function pressureOf(reported: number): number {
  return reported > 0 && reported <= 1 ? reported : 0.5;
}

const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value));

/** A point inside the pad: a pointer captured outside it draws along the edge. */
export function padPoint(x: number, y: number, pressure: number): Point {
  return { x: clamp(x, PAD_WIDTH), y: clamp(y, PAD_HEIGHT), pressure: pressureOf(pressure) };
}

export function startStroke(pad: Pad, point: Point): Pad {
  const strokes = pad.current ? [...pad.strokes, pad.current] : pad.strokes;
  return { strokes, undone: [], current: [point] };
}

/** Adds a point to the stroke being drawn; one where the pen already is adds nothing. */
export function extendStroke(pad: Pad, point: Point): Pad {
  if (!pad.current) return pad;
  const last = pad.current[pad.current.length - 1]!;
  if (last.x === point.x && last.y === point.y) return pad;
  return { ...pad, current: [...pad.current, point] };
}

/** Ends the stroke being drawn; a tap without moving leaves a dot. */
export function endStroke(pad: Pad): Pad {
  if (!pad.current) return pad;
  return { strokes: [...pad.strokes, pad.current], undone: pad.undone, current: null };
}

export function undo(pad: Pad): Pad {
  const settled = endStroke(pad);
  const last = settled.strokes[settled.strokes.length - 1];
  if (!last) return settled;
  return {
    strokes: settled.strokes.slice(0, -1),
    undone: [...settled.undone, last],
    current: null,
  };
}

export function redo(pad: Pad): Pad {
  const next = pad.undone[pad.undone.length - 1];
  if (!next || pad.current) return pad;
  return { strokes: [...pad.strokes, next], undone: pad.undone.slice(0, -1), current: null };
}

/** Clears the pad; the strokes can be brought back one by one with redo. */
export function clear(pad: Pad): Pad {
  const settled = endStroke(pad);
  return {
    strokes: [],
    undone: [...settled.undone, ...[...settled.strokes].reverse()],
    current: null,
  };
}

export const canUndo = (pad: Pad) => pad.strokes.length > 0 || pad.current !== null;
export const canRedo = (pad: Pad) => pad.undone.length > 0 && pad.current === null;
/** Nothing drawn: such a pad cannot be signed with. */
export const isEmpty = (pad: Pad) => pad.strokes.length === 0 && pad.current === null;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The pen's width at a pressure, in pad units. */
export const penWidth = (pressure: number) => PEN_WIDTH * (0.4 + 1.2 * pressure);

/**
 * The area the ink covers (each point grown by its pen's half-width), plus `margin` on every side,
 * kept within the pad. null for an empty pad.
 */
export function inkBox(strokes: readonly Stroke[], margin: number): Box | null {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const stroke of strokes) {
    for (const p of stroke) {
      const half = penWidth(p.pressure) / 2;
      left = Math.min(left, p.x - half);
      top = Math.min(top, p.y - half);
      right = Math.max(right, p.x + half);
      bottom = Math.max(bottom, p.y + half);
    }
  }
  if (left === Infinity) return null;
  const x = Math.max(0, left - margin);
  const y = Math.max(0, top - margin);
  return {
    x,
    y,
    width: Math.min(PAD_WIDTH, right + margin) - x,
    height: Math.min(PAD_HEIGHT, bottom + margin) - y,
  };
}

/** What drawing needs of a canvas context: the real one, or a test's recorder. */
export interface Ink {
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  lineWidth: number;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  fillStyle: string | CanvasGradient | CanvasPattern;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, radius: number, start: number, end: number): void;
  stroke(): void;
  fill(): void;
}

/** Draws strokes in pad units; the caller sets the context's transform (scale, offset). */
export function drawStrokes(ink: Ink, strokes: readonly Stroke[], color: string): void {
  ink.lineCap = 'round';
  ink.lineJoin = 'round';
  ink.strokeStyle = color;
  ink.fillStyle = color;
  for (const stroke of strokes) drawStroke(ink, stroke, 0);
}

/** Draws a stroke from its `from`-th point on (the part just added, while the pen moves). */
export function drawStroke(ink: Ink, stroke: Stroke, from: number): void {
  const first = stroke[0];
  if (!first) return;
  if (stroke.length === 1) {
    ink.beginPath();
    ink.arc(first.x, first.y, penWidth(first.pressure) / 2, 0, Math.PI * 2);
    ink.fill();
    return;
  }
  // Segment by segment: the width follows the pressure along the line.
  for (let i = Math.max(1, from); i < stroke.length; i++) {
    const a = stroke[i - 1]!;
    const b = stroke[i]!;
    ink.lineWidth = penWidth((a.pressure + b.pressure) / 2);
    ink.beginPath();
    ink.moveTo(a.x, a.y);
    ink.lineTo(b.x, b.y);
    ink.stroke();
  }
}
