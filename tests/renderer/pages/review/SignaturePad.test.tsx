import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../../renderer/i18n/i18n';
import { SignaturePad } from '../../../../renderer/pages/review/SignaturePad';
import type { Pad } from '../../../../renderer/pages/review/signature-strokes';
import { EMPTY_PAD } from '../../../../renderer/pages/review/signature-strokes';

/** The pad as the sign-off form holds it, with what it was last told. */
function Harness({ seen }: { seen: Pad[] }) {
  const [pad, setPad] = useState(EMPTY_PAD);
  return (
    <SignaturePad
      pad={pad}
      onChange={(next) => {
        seen.push(next);
        setPad(next);
      }}
      label="签名区"
    />
  );
}

const pointer = (pointerId: number, clientX: number, clientY: number, extra = {}) => ({
  pointerId,
  clientX,
  clientY,
  isPrimary: true,
  button: 0,
  pressure: 0.5,
  ...extra,
});

describe('the signature pad', () => {
  beforeEach(async () => {
    await initI18n('zh-CN');
  });

  it('turns pointer down, moves and up into one stroke, told once the pen is up', () => {
    const seen: Pad[] = [];
    render(<Harness seen={seen} />);
    const pad = screen.getByRole('img', { name: '签名区' });
    fireEvent.pointerDown(pad, pointer(1, 0, 0));
    fireEvent.pointerMove(pad, pointer(1, 0.1, 0.1));
    fireEvent.pointerMove(pad, pointer(1, 0.2, 0.1));
    expect(seen).toEqual([]);
    fireEvent.pointerUp(pad, pointer(1, 0.2, 0.1));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.strokes).toHaveLength(1);
    expect(seen[0]!.strokes[0]!.length).toBeGreaterThan(1);
    expect(screen.getByRole('button', { name: '撤销' })).toBeEnabled();
    expect(screen.getByRole('button', { name: '清除' })).toBeEnabled();
    expect(screen.getByRole('button', { name: '重做' })).toBeDisabled();
  });

  it('follows one pointer at a time: a second finger, another button, or moves of another do nothing', () => {
    const seen: Pad[] = [];
    render(<Harness seen={seen} />);
    const pad = screen.getByRole('img', { name: '签名区' });
    fireEvent.pointerDown(pad, pointer(1, 0, 0, { button: 2 }));
    fireEvent.pointerDown(pad, pointer(2, 0, 0, { isPrimary: false }));
    fireEvent.pointerMove(pad, pointer(3, 0.1, 0.1));
    fireEvent.pointerUp(pad, pointer(3, 0.1, 0.1));
    expect(seen).toEqual([]);
    fireEvent.pointerDown(pad, pointer(4, 0, 0, { pointerType: 'touch' }));
    fireEvent.pointerDown(pad, pointer(5, 0.5, 0.5, { pointerType: 'touch' }));
    fireEvent.pointerMove(pad, pointer(4, 0.1, 0.1, { pointerType: 'touch' }));
    fireEvent.pointerCancel(pad, pointer(4, 0.1, 0.1, { pointerType: 'touch' }));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.strokes).toHaveLength(1);
  });

  it('undoes, redoes and clears by whole strokes', () => {
    const seen: Pad[] = [];
    render(<Harness seen={seen} />);
    const pad = screen.getByRole('img', { name: '签名区' });
    for (const id of [1, 2]) {
      fireEvent.pointerDown(pad, pointer(id, 0, 0));
      fireEvent.pointerMove(pad, pointer(id, 0.3, 0.1));
      fireEvent.pointerUp(pad, pointer(id, 0.3, 0.1));
    }
    fireEvent.click(screen.getByRole('button', { name: '撤销' }));
    expect(seen.at(-1)!.strokes).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: '重做' }));
    expect(seen.at(-1)!.strokes).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: '清除' }));
    expect(seen.at(-1)!.strokes).toEqual([]);
    expect(screen.getByRole('button', { name: '撤销' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '清除' })).toBeDisabled();
  });
});
