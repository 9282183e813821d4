import type { PointerEvent as ReactPointerEvent } from 'react';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { INK } from './signature-image';
import type { Pad, Point } from './signature-strokes';
import {
  canRedo,
  canUndo,
  clear,
  drawStroke,
  drawStrokes,
  endStroke,
  extendStroke,
  isEmpty,
  PAD_HEIGHT,
  PAD_WIDTH,
  padPoint,
  redo,
  startStroke,
  undo,
} from './signature-strokes';

interface Props {
  readonly pad: Pad;
  /** A stroke finished, or undo, redo, clear. Not called while the pen moves. */
  readonly onChange: (pad: Pad) => void;
  /** The pad's accessible name. */
  readonly label: string;
  readonly describedBy?: string;
  readonly invalid?: boolean;
}

/**
 * A signature drawn with a mouse, a pen or a finger (Pointer Events: one pointer at a time,
 * captured while it is down, so a stroke that leaves the pad still ends). The strokes are data
 * (signature-strokes.ts); the canvas only shows them, sharp at any screen density.
 */
export function SignaturePad({ pad, onChange, label, describedBy, invalid }: Props) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  // What is drawn, including the stroke in progress; React state follows at the stroke's end.
  const live = useRef(pad);
  const pointer = useRef<number | null>(null);

  const context = useCallback(() => {
    const element = canvas.current;
    const ink = element?.getContext('2d');
    if (!element || !ink) return null;
    const rect = element.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(rect.width * ratio));
    const height = Math.max(1, Math.round(rect.height * ratio));
    if (element.width !== width || element.height !== height) {
      element.width = width;
      element.height = height;
    }
    ink.setTransform(width / PAD_WIDTH, 0, 0, height / PAD_HEIGHT, 0, 0);
    return ink;
  }, []);

  const redraw = useCallback(() => {
    const ink = context();
    if (!ink) return;
    ink.clearRect(0, 0, PAD_WIDTH, PAD_HEIGHT);
    const { strokes, current } = live.current;
    drawStrokes(ink, current ? [...strokes, current] : strokes, INK);
  }, [context]);

  useLayoutEffect(() => {
    live.current = pad;
    redraw();
  }, [pad, redraw]);

  // The canvas's pixels follow its size on screen (a window resized, a zoom).
  useEffect(() => {
    const element = canvas.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(redraw);
    observer.observe(element);
    return () => observer.disconnect();
  }, [redraw]);

  const pointOf = (event: { clientX: number; clientY: number; pressure: number }): Point => {
    const rect = canvas.current!.getBoundingClientRect();
    return padPoint(
      ((event.clientX - rect.left) * PAD_WIDTH) / Math.max(1, rect.width),
      ((event.clientY - rect.top) * PAD_HEIGHT) / Math.max(1, rect.height),
      event.pressure,
    );
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    // The main button of a mouse, a pen's tip, one finger; a second finger is not a second pen.
    if (!event.isPrimary || event.button !== 0 || pointer.current !== null) return;
    event.preventDefault();
    pointer.current = event.pointerId;
    try {
      event.currentTarget.setPointerCapture(event.pointerId);
    } catch {
      // Not a live pointer (a synthetic event): the stroke is drawn all the same.
    }
    live.current = startStroke(live.current, pointOf(event));
    const ink = context();
    if (ink && live.current.current) {
      ink.fillStyle = INK;
      drawStroke(ink, live.current.current, 0);
    }
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (pointer.current !== event.pointerId) return;
    event.preventDefault();
    const before = live.current.current?.length ?? 0;
    // Every position the pointer passed since the last event, not only the last one.
    const native = event.nativeEvent;
    const passed = native.getCoalescedEvents?.() ?? [];
    for (const e of passed.length > 0 ? passed : [native]) {
      live.current = extendStroke(live.current, pointOf(e));
    }
    const ink = context();
    const stroke = live.current.current;
    if (ink && stroke && stroke.length > before) {
      ink.strokeStyle = INK;
      ink.lineCap = 'round';
      drawStroke(ink, stroke, Math.max(1, before));
    }
  };

  const finish = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (pointer.current !== event.pointerId) return;
    pointer.current = null;
    live.current = endStroke(live.current);
    onChange(live.current);
  };

  return (
    <div className={`signature-pad${invalid ? ' signature-pad-invalid' : ''}`}>
      <div className="signature-surface">
        <canvas
          ref={canvas}
          className="signature-canvas"
          role="img"
          aria-label={label}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={finish}
          onPointerCancel={finish}
          onContextMenu={(e) => e.preventDefault()}
        />
        <span className="signature-line" aria-hidden="true" />
      </div>
      <div className="signature-tools">
        <button
          type="button"
          className="button button-quiet"
          disabled={!canUndo(pad)}
          onClick={() => onChange(undo(pad))}
        >
          {t('signoff.pad.undo')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={!canRedo(pad)}
          onClick={() => onChange(redo(pad))}
        >
          {t('signoff.pad.redo')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={isEmpty(pad)}
          onClick={() => onChange(clear(pad))}
        >
          {t('signoff.pad.clear')}
        </button>
      </div>
    </div>
  );
}
