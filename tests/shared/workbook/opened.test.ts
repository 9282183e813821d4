import { describe, expect, it } from 'vitest';
import { canOpenWorkbook, workbookSignatureStatus } from '../../../shared/workbook/opened';
import { WORKBOOK_STATUSES } from '../../../shared/workbook/verdict';

describe('an opened workbook', () => {
  it('is shown when its data could be read, whatever else is wrong with it', () => {
    expect(WORKBOOK_STATUSES.filter(canOpenWorkbook)).toEqual([
      'data-altered',
      'signature-invalid',
      'cells-differ',
      'draft',
      'signed',
    ]);
  });

  it('reads as validly signed in its report only when nothing differs from what was signed', () => {
    const statuses = WORKBOOK_STATUSES.map((status) => workbookSignatureStatus({ status }, true));
    expect(statuses.filter((s) => s === 'valid')).toHaveLength(1);
    expect(workbookSignatureStatus({ status: 'signed' }, true)).toBe('valid');
    expect(workbookSignatureStatus({ status: 'cells-differ' }, true)).toBe('changed');
    expect(workbookSignatureStatus({ status: 'data-altered' }, true)).toBe('changed');
    expect(workbookSignatureStatus({ status: 'signature-invalid' }, true)).toBe('invalid');
    expect(workbookSignatureStatus({ status: 'cells-differ' }, false)).toBe('unsigned');
    expect(workbookSignatureStatus({ status: 'draft' }, false)).toBe('unsigned');
  });
});
