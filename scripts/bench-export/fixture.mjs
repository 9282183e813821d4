/** The largest sample: a demo inspection whose device register is grown to 1,000 rows. */

export const REGISTER_ROWS = 1000;
const REGISTER = 'dev_register';

/**
 * The app's own demo generator (unsigned: growing a signed register would break its signature),
 * its device register repeated with new row ids up to REGISTER_ROWS rows, as bench:ui does.
 */
export function largestInspection(app) {
  const [sample] = app.samples.sampleData({
    count: 1,
    seed: 'bench-export',
    asOf: '2025-06-01',
    signing: 'none',
  });
  const inspection = sample.inspection;
  const seedRows = inspection.registers[REGISTER];
  if (!seedRows?.length) throw new Error('the demo inspection has no device register rows');
  const rows = Array.from({ length: REGISTER_ROWS }, (_, i) => ({
    ...seedRows[i % seedRows.length],
    id: `bench-${String(i).padStart(4, '0')}`,
  }));
  // Actions on the rows renamed above stay with the item (as deleting their row would leave them).
  const rowIds = new Set(rows.map((r) => r.id));
  const actions = inspection.actions.map(({ rowId, ...action }) =>
    action.itemId === REGISTER && !rowIds.has(rowId) ? action : { ...action, rowId },
  );
  return { ...inspection, registers: { ...inspection.registers, [REGISTER]: rows }, actions };
}
