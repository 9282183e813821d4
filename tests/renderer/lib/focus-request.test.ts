import { describe, expect, it } from 'vitest';
import {
  focusRequestDone,
  focusRequestFor,
  requestFocus,
} from '../../../renderer/lib/focus-request';

describe('a request to focus an item in the next walk-through', () => {
  it('is there for its inspection until done, and for no other', () => {
    requestFocus({ inspectionId: 'a', itemId: 'org_policies', rowId: 'r1' });
    expect(focusRequestFor('b')).toBeNull();
    expect(focusRequestFor('a')).toEqual({
      inspectionId: 'a',
      itemId: 'org_policies',
      rowId: 'r1',
    });
    // Asked twice (a walk-through shown before and after its inspection was read): still there.
    expect(focusRequestFor('a')).not.toBeNull();
    focusRequestDone();
    expect(focusRequestFor('a')).toBeNull();
  });

  it('is replaced by a later one', () => {
    requestFocus({ inspectionId: 'a', itemId: 'one' });
    requestFocus({ inspectionId: 'a', itemId: 'two' });
    expect(focusRequestFor('a')?.itemId).toBe('two');
    focusRequestDone();
  });
});
