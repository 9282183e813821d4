import type { Stroke } from './signature-strokes';
import { drawStrokes, inkBox } from './signature-strokes';

/** The ink: a dark blue-black, as a pen signs. */
export const INK = '#14213d';

/** Space left around the ink in the image, in pad units. */
const MARGIN = 12;
/** Pixels per pad unit in the image: a 600-unit-wide pad gives at most 1,200 pixels. */
const SCALE = 2;

/**
 * The signature as a PNG: drawn again from its strokes onto a white canvas cut to the ink and a
 * small margin, at twice the pad's size so it prints sharp. Rejects when there is no ink or the
 * browser cannot make the image.
 */
export function signaturePng(strokes: readonly Stroke[]): Promise<Blob> {
  const box = inkBox(strokes, MARGIN);
  if (!box) return Promise.reject(new Error('empty signature'));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.ceil(box.width * SCALE));
  canvas.height = Math.max(1, Math.ceil(box.height * SCALE));
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('no 2D canvas'));
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.setTransform(SCALE, 0, 0, SCALE, -box.x * SCALE, -box.y * SCALE);
  drawStrokes(context, strokes, INK);
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('toBlob gave nothing'))),
      'image/png',
    );
  });
}
