import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { intakeFile } from '../../../../electron/services/bureau/intake';
import { verifyWorkbook } from '../../../../electron/services/workbook/workbook-verify';
import { summariseSubmission } from '../../../../shared/bureau/submission';
import { beijingDate } from '../../../../shared/workbook/input';
import {
  LATEST_BUILT_IN,
  templateHash,
} from '../../../../electron/services/templates/template-store';
import { buildPackage } from '../../../../electron/services/workbook/package-write';
import { MAX_PACKAGE_FILE_BYTES } from '../../../../electron/services/workbook/package-verify';
import { writeDeflatedZip } from '../../../../electron/services/zip/zip-writer';
import { MAX_WORKBOOK_BYTES } from '../../../../shared/workbook/opened';
import type { FileIntake } from '../../../../shared/bureau/intake';
import { fileIntakeSchema } from '../../../../shared/bureau/intake';
import { dataJson, withData } from '../workbook/workbook-fixtures';
import { entriesOf, sourcesFor } from '../workbook/package-fixtures';
import {
  bureauSamples,
  foreignWorkbook,
  lyingZipBomb,
  millionRowWorkbook,
  TODAY,
  workbookOf,
  zipBomb,
} from './bureau-fixtures';

function rejection(intake: FileIntake) {
  expect(fileIntakeSchema.parse(intake)).toEqual(intake);
  if (intake.outcome !== 'rejected') throw new Error(`accepted: ${intake.file}`);
  expect(intake.reason['zh-CN']).not.toBe('');
  expect(intake.reason['en-US']).not.toBe('');
  return intake;
}

describe('intakeFile: one file, checked as qinglang verify checks it', () => {
  it('accepts a signed workbook with what the bureau keeps of it, and its checklist', () => {
    const [sample] = bureauSamples('all');
    const bytes = workbookOf(sample!);
    const { intake, template } = intakeFile('a/一中.xlsx', bytes, TODAY);
    expect(fileIntakeSchema.parse(intake)).toEqual(intake);
    if (intake.outcome !== 'accepted') throw new Error(intake.reason['en-US']);
    expect(intake).toMatchObject({ file: 'a/一中.xlsx', size: bytes.length, kind: 'workbook' });
    expect(intake.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(intake.submission.signed).toBe(true);
    expect(intake.submission.school).toEqual(sample!.inspection.school);
    expect(intake.submission.keyFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(template?.hash).toBe(templateHash(LATEST_BUILT_IN));
    expect(template?.items.length).toBeGreaterThan(0);
  });

  it('judges a signed submission on its signing day, whatever day the bureau reads it', () => {
    const bytes = workbookOf(bureauSamples('all')[0]!);
    const now = intakeFile('a.xlsx', bytes, TODAY).intake;
    const later = intakeFile('a.xlsx', bytes, '2031-06-30').intake;
    if (now.outcome !== 'accepted' || later.outcome !== 'accepted') throw new Error('rejected');
    expect(later.submission).toEqual(now.submission);
    expect(now.submission.judgedOn).toBe(now.submission.signedOn);
  });

  it('accepts a draft as a draft (the merge decides whether drafts count)', () => {
    const [draft] = bureauSamples('none');
    const { intake } = intakeFile('draft.xlsx', workbookOf(draft!), TODAY);
    expect(intake).toMatchObject({
      outcome: 'accepted',
      submission: { signed: false, judgedOn: TODAY },
    });
  });

  it('summarises what a fresh evaluation would, whether or not it reuses verify’s', () => {
    // Verify evaluates the inspection as of its signing day (a draft: its last change's day); the
    // summary reuses that only when it judges the same day, and is the same either way.
    const drafts = bureauSamples('none');
    const cases = [...bureauSamples('all'), ...drafts].map((sample) => workbookOf(sample));
    for (const bytes of cases) {
      const verified = verifyWorkbook(bytes);
      const envelope = verified.envelope!;
      const lastChanged = beijingDate(envelope.inspection.updatedAt);
      for (const day of [TODAY, lastChanged, '2031-06-30']) {
        const { intake } = intakeFile('a.xlsx', bytes, day);
        if (intake.outcome !== 'accepted') throw new Error(intake.reason['en-US']);
        expect(intake.submission).toEqual(summariseSubmission(envelope, day));
        expect(summariseSubmission(envelope, day, verified.evaluated)).toEqual(
          summariseSubmission(envelope, day),
        );
      }
    }
    expect(drafts.length).toBeGreaterThan(0);
  });

  it('accepts a signed package, and rejects one with a problem, naming it', async () => {
    const [sample] = bureauSamples('all');
    const made = await buildPackage(sample!.inspection, 'zh-CN', sourcesFor(sample!));
    expect(intakeFile('p.zip', made.bytes, TODAY).intake).toMatchObject({
      outcome: 'accepted',
      kind: 'package',
    });
    const entries = entriesOf(made.bytes).map((e) =>
      e.name.endsWith('.pdf') ? { name: e.name, data: Buffer.from('%PDF changed') } : e,
    );
    const bad = rejection(intakeFile('p.zip', writeDeflatedZip(entries), TODAY).intake);
    expect(bad.status).toBe('package-invalid');
    expect(bad.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a package holding a path-traversal name, saying so', async () => {
    const [sample] = bureauSamples('all');
    const made = await buildPackage(sample!.inspection, 'zh-CN', sourcesFor(sample!));
    const entries = [...entriesOf(made.bytes), { name: '../evil.txt', data: Buffer.from('x') }];
    const bad = rejection(intakeFile('p.zip', writeDeflatedZip(entries), TODAY).intake);
    expect(bad.status).toBe('package-invalid');
    expect(bad.reason['en-US']).toContain('../evil.txt');
  });

  it('rejects a workbook whose data was edited after signing', () => {
    const [sample] = bureauSamples('all');
    const bytes = workbookOf(sample!);
    const edited = withData(bytes, (json) => json.replace(sample!.inspection.inspector, '某人'));
    expect(dataJson(edited)).not.toBe(dataJson(bytes));
    expect(rejection(intakeFile('x.xlsx', edited, TODAY).intake).status).toBe('data-altered');
  });

  it('rejects prototype-pollution keys in the data', () => {
    const [sample] = bureauSamples('all');
    const edited = withData(workbookOf(sample!), (json) =>
      json.replace(/^\{/, '{"__proto__":{"polluted":"yes"},'),
    );
    expect(rejection(intakeFile('x.xlsx', edited, TODAY).intake).status).toBe('data-altered');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a visible cell turned into a formula', () => {
    const [sample] = bureauSamples('all');
    const book = XLSX.read(workbookOf(sample!), { type: 'buffer' });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    sheet.B3 = { t: 'n', v: 1, f: '1+0' };
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    expect(rejection(intakeFile('f.xlsx', bytes, TODAY).intake).status).toBe('cells-differ');
  });

  it.each([
    ['not a zip', () => Buffer.from([0, 1, 2, 3, 4, 5]), 'not-workbook'],
    ['a text file named .xlsx', () => Buffer.from('学校,得分\n一中,90\n'), 'not-workbook'],
    ['an empty file', () => Buffer.alloc(0), 'not-workbook'],
    ['a workbook another program wrote', foreignWorkbook, 'not-workbook'],
    ['a zip bomb (2 GiB declared)', zipBomb, 'unreadable'],
    ['a zip bomb whose headers lie', lyingZipBomb, 'unreadable'],
    [
      'a truncated workbook',
      () => workbookOf(bureauSamples('all')[0]!).subarray(0, 20_000),
      'unreadable',
    ],
  ] as const)('rejects %s with a reason', (_, make, status) => {
    expect(rejection(intakeFile('bad.xlsx', make(), TODAY).intake).status).toBe(status);
  });

  it('rejects a workbook with a million rows, in bounded time', () => {
    expect(rejection(intakeFile('big.xlsx', millionRowWorkbook(), TODAY).intake).status).toBe(
      'not-workbook',
    );
  }, 60_000);

  it('rejects a file larger than any workbook or package before reading it', () => {
    const text = rejection(
      intakeFile('big.xlsx', Buffer.alloc(MAX_WORKBOOK_BYTES + 1), TODAY).intake,
    );
    expect(text).toMatchObject({ status: 'too-large', size: MAX_WORKBOOK_BYTES + 1 });
    const zip = Buffer.alloc(MAX_PACKAGE_FILE_BYTES + 1);
    zip.set([0x50, 0x4b, 0x03, 0x04]);
    expect(rejection(intakeFile('big.zip', zip, TODAY).intake).status).toBe('too-large');
  });
});
