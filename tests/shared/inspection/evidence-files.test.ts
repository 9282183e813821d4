import { describe, expect, it } from 'vitest';
import { evidenceName, sniffType, typeFromName } from '../../../shared/inspection/evidence-files';
import { evidenceRefSchema } from '../../../shared/inspection/schema';

const valid = (name: string) =>
  evidenceRefSchema.safeParse({
    sha256: 'a'.repeat(64),
    name,
    size: 1,
    type: 'text/plain',
    addedAt: '2026-11-29T08:30:00.000Z',
  }).success;

describe('evidence file names', () => {
  it.each([
    ['C:\\Users\\张老师\\Desktop\\合同.pdf', '合同.pdf'],
    ['/home/teacher/../../etc/passwd', 'passwd'],
    ['dir/sub\\mixed/name.txt', 'name.txt'],
    ['report\u202Efdp.exe', 'report_fdp.exe'],
    ['a\u0000b\u0007c\u001bd\u0085.txt', 'a_b_c_d_.txt'],
    ['line\r\nbreak\t.txt', 'line__break_.txt'],
    ['  spaced  ', 'spaced'],
    ['', 'file'],
    ['folder/', 'file'],
    ['..', 'file'],
    ['\u2066', '_'],
  ])('shows %j as %j', (raw, shown) => {
    expect(evidenceName(raw)).toBe(shown);
    expect(valid(evidenceName(raw))).toBe(true);
  });

  it('shortens a 1000-character name to 255, keeping its extension', () => {
    const name = evidenceName(`${'证'.repeat(1000)}.docx`);
    expect(name).toHaveLength(255);
    expect(name.endsWith('证.docx')).toBe(true);
    expect(valid(name)).toBe(true);
    expect(evidenceName('x'.repeat(1000))).toBe('x'.repeat(255));
  });

  it('never cuts a character outside the BMP in half', () => {
    // 248 + 2 + 1 = 251 code units fit before ".pdf": the third unit is half an emoji.
    const name = evidenceName(`${'a'.repeat(248)}${'😀'.repeat(10)}.pdf`);
    expect(name).toBe(`${'a'.repeat(248)}😀.pdf`);
  });
});

describe('evidence file types', () => {
  it('knows only the formats whose bytes prove them, never SVG or HTML', () => {
    expect(sniffType(Buffer.from('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffType(Buffer.from('<svg onload="x">'))).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
  });

  it('names by extension only types that cannot run script, and no own-property tricks', () => {
    expect(typeFromName('合同.PDF')).toBe('application/pdf');
    expect(typeFromName('page.html')).toBeNull();
    expect(typeFromName('logo.svg')).toBeNull();
    expect(typeFromName('x.__proto__')).toBeNull();
    expect(typeFromName('no-extension')).toBeNull();
  });
});
