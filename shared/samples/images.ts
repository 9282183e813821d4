import type { Random } from '../random';
import type { IndexedImage, Rgb } from './png';
import { encodePng } from './png';

/**
 * The pictures a sample's evidence and sign-off point at: a scanned page (a title, lines of text,
 * sometimes the school's red seal) and a principal's drawn signature. Small, made up, each drawn
 * from the school's generator, so every school's files are its own and the same on every run.
 */

const WHITE: Rgb = [255, 255, 255];

class Canvas {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height);
  }

  dot(x: number, y: number, colour: number, size = 1): void {
    for (let dy = 0; dy < size; dy++) {
      for (let dx = 0; dx < size; dx++) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (px >= 0 && py >= 0 && px < this.width && py < this.height) {
          this.pixels[py * this.width + px] = colour;
        }
      }
    }
  }

  bar(x: number, y: number, w: number, h: number, colour: number): void {
    const left = Math.max(0, Math.round(x));
    const right = Math.min(this.width, Math.round(x) + w);
    for (let py = Math.max(0, Math.round(y)); py < Math.min(this.height, Math.round(y) + h); py++) {
      if (left < right) this.pixels.fill(colour, py * this.width + left, py * this.width + right);
    }
  }

  line(from: readonly [number, number], to: readonly [number, number], colour: number, size = 1) {
    const steps = Math.max(1, Math.ceil(Math.hypot(to[0] - from[0], to[1] - from[1]) * 2));
    for (let i = 0; i <= steps; i++) {
      const t = i / steps;
      this.dot(from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t, colour, size);
    }
  }

  ring(cx: number, cy: number, radius: number, colour: number): void {
    for (let a = 0; a < 360; a += 2) {
      const r = (a * Math.PI) / 180;
      this.dot(cx + Math.cos(r) * radius, cy + Math.sin(r) * radius, colour, 2);
    }
  }

  image(palette: readonly Rgb[]): IndexedImage {
    return { width: this.width, height: this.height, palette, pixels: this.pixels };
  }
}

/**
 * A scanned page: a centred title, paragraphs of grey "text" lines and, on official documents,
 * a red seal over the end of the text. 120 × 160 pixels, about 5 KB.
 */
export function pageImage(rng: Random, sealed: boolean): Uint8Array {
  const page = new Canvas(120, 160);
  const [TEXT, SEAL, RULE] = [1, 2, 3];
  const title = rng.int(48, 80);
  page.bar((page.width - title) / 2, 12, title, 4, TEXT);
  page.bar(10, 22, page.width - 20, 1, RULE);
  let y = 30;
  while (y < page.height - 30) {
    // A paragraph: its first line indented, its last one short.
    const lines = rng.int(2, 5);
    for (let i = 0; i < lines && y < page.height - 30; i++, y += 7) {
      const indent = i === 0 ? 8 : 0;
      const width = i === lines - 1 ? rng.int(20, 70) : page.width - 24 - indent;
      page.bar(12 + indent, y, width, 3, TEXT);
    }
    y += 4;
  }
  page.bar(page.width - 52, page.height - 24, 40, 3, TEXT);
  if (sealed) {
    const cx = page.width - 34 + rng.int(-4, 4);
    const cy = page.height - 30 + rng.int(-4, 4);
    page.ring(cx, cy, 15, SEAL);
    const star = [0, 1, 2, 3, 4].map((k) => {
      const a = -Math.PI / 2 + (k * 4 * Math.PI) / 5;
      return [cx + Math.cos(a) * 6, cy + Math.sin(a) * 6] as const;
    });
    star.forEach((point, k) => page.line(point, star[(k + 1) % 5]!, SEAL));
  }
  return encodePng(page.image([WHITE, [70, 70, 70], [200, 30, 30], [190, 190, 190]]));
}

/**
 * A principal's signature drawn on screen: two or three quick looping "characters" written in one
 * slanted stroke each, and a flourish under them, in blue ink. 240 × 80 pixels, about 2.5 KB.
 */
export function signatureImage(rng: Random): Uint8Array {
  const pad = new Canvas(240, 80);
  const INK = 1;
  const characters = rng.int(2, 3);
  let x = 26 + rng.int(0, 10);
  for (let c = 0; c < characters; c++) {
    // A Lissajous-like loop with a wobble: the kind of path a hand makes writing fast.
    const [fx, fy] = [rng.int(1, 2), rng.int(1, 3)];
    const [px, py, pw] = [rng.next() * Math.PI, rng.next() * Math.PI, rng.next() * Math.PI];
    const [rx, ry, wobble] = [rng.int(12, 18), rng.int(16, 24), rng.int(3, 7)];
    const turns = 1.2 + rng.next() * 0.8;
    const cy = 36 + rng.int(-4, 4);
    const points = Array.from({ length: 61 }, (_, i) => {
      const t = (i / 60) * turns * Math.PI;
      const fade = 1 - i / 150;
      const y = cy + ry * fade * Math.sin(fy * t + py);
      const dx = rx * fade * Math.sin(fx * t + px) + wobble * Math.sin(3 * t + pw);
      // Slanted to the right, drifting on as the stroke goes.
      return [x + dx + (cy - y) * 0.35 + i * 0.5, y] as const;
    });
    points.slice(1).forEach((point, i) => pad.line(points[i]!, point, INK, 3));
    x += rx * 2 + 18 + rng.int(0, 8);
  }
  const end = Math.min(pad.width - 10, x);
  const flourish = Array.from({ length: 25 }, (_, i) => {
    const t = i / 24;
    return [18 + t * (end - 18), 68 - Math.sin(t * Math.PI) * 6 + t * -6] as const;
  });
  flourish.slice(1).forEach((point, i) => pad.line(flourish[i]!, point, INK, 2));
  return encodePng(pad.image([WHITE, [25, 55, 150]]));
}
