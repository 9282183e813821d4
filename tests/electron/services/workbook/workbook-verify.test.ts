import { describe, expect, it } from 'vitest';
import { verifyWorkbook } from '../../../../electron/services/workbook/workbook-verify';
import { exportOf, signedSample, withData } from './workbook-fixtures';

/**
 * The data sheet's JSON when it ends with a checklist verify has already checked (this app
 * writes the checklist last): verify then reads the text before it and reuses that checklist.
 * Every verdict must be the one reading the whole text gives.
 */
describe('the data sheet ending with a checklist already checked', { timeout: 60_000 }, () => {
  const signed = exportOf(signedSample());
  // Checks the sample's checklist once, so that it is known for what follows.
  const first = verifyWorkbook(signed);
  const TEMPLATE_KEY = ',"template":';

  it('verifies the same whether or not the checklist is known', () => {
    expect(first.check.status).toBe('signed');
    const again = verifyWorkbook(signed);
    expect(again.check).toEqual(first.check);
    expect(again.envelope).toEqual(first.envelope);
    // The same data in another layout is read whole, to the same verdict.
    const spaced = withData(signed, (json) => JSON.stringify(JSON.parse(json), null, 1));
    expect(verifyWorkbook(spaced).check).toEqual(first.check);
  });

  it('is data-altered when the text before the checklist is not JSON', () => {
    for (const edit of [
      (json: string) => `{${json.slice(json.lastIndexOf(TEMPLATE_KEY))}`,
      (json: string) =>
        `${json.slice(0, json.lastIndexOf(TEMPLATE_KEY))},${json.slice(json.lastIndexOf(TEMPLATE_KEY))}`,
      (json: string) => `[1${json.slice(json.lastIndexOf(TEMPLATE_KEY))}`,
      (json: string) => `${json.slice(0, 200)}"${json.slice(200)}`,
    ]) {
      const { check, envelope } = verifyWorkbook(withData(signed, edit));
      expect(check.status).toBe('data-altered');
      expect(envelope).toBeNull();
    }
  });

  it('refuses a "__proto__" key before the checklist, as it refuses one anywhere', () => {
    const polluted = withData(signed, (json) => json.replace(/^\{/, '{"__proto__":{"x":1},'));
    expect(verifyWorkbook(polluted).check.status).toBe('data-altered');
    // In a record (the answers), which the schema would otherwise pass with the key dropped.
    const inInspection = withData(signed, (json) =>
      json.replace('"answers":{', '"answers":{"__proto__":{"value":"compliant"},'),
    );
    expect(verifyWorkbook(inInspection).check.status).toBe('data-altered');
  });

  it('keeps the last "template" key, as JSON.parse does, whatever an earlier one holds', () => {
    const earlier = withData(signed, (json) =>
      json.replace(/^\{/, '{"template":{"__proto__":{"x":1},"id":"other"},'),
    );
    expect(verifyWorkbook(earlier).check).toEqual(first.check);
  });

  it('is data-altered when a checklist not checked before follows the known one', () => {
    const twice = withData(signed, (json) => {
      const known = json.slice(json.lastIndexOf(TEMPLATE_KEY), -1);
      const other = JSON.parse(known.slice(TEMPLATE_KEY.length)) as { id: string };
      return `${json.slice(0, -1)}${TEMPLATE_KEY}${JSON.stringify({ ...other, id: 'other' })}}`;
    });
    expect(verifyWorkbook(twice).check.status).toBe('data-altered');
  });
});
