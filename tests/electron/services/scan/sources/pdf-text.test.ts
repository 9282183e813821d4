import fs from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../../../electron/services/scan/sources/pdf/pdf-text';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../fixtures/scan');

/** A PDF from its objects (1: catalog, 2: pages, 3: the page; the rest as given). */
function pdf(
  objects: Record<number, string | { dict: string; stream: Buffer | string; deflate?: boolean }>,
  trailer = '',
): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  for (const [id, object] of Object.entries(objects)) {
    if (typeof object === 'string') {
      parts.push(Buffer.from(`${id} 0 obj\n${object}\nendobj\n`, 'latin1'));
      continue;
    }
    const raw = Buffer.isBuffer(object.stream)
      ? object.stream
      : Buffer.from(object.stream, 'latin1');
    const data = object.deflate ? deflateSync(raw) : raw;
    const filter = object.deflate ? '/Filter /FlateDecode ' : '';
    parts.push(
      Buffer.from(
        `${id} 0 obj\n<< ${object.dict} ${filter}/Length ${data.length} >>\nstream\n`,
        'latin1',
      ),
      data,
      Buffer.from('\nendstream\nendobj\n'),
    );
  }
  parts.push(Buffer.from(`trailer\n<< /Root 1 0 R ${trailer}>>\n%%EOF\n`));
  return Buffer.concat(parts);
}

const page = (fonts: string, content = '4 0 R'): Record<number, string> => ({
  1: '<< /Type /Catalog /Pages 2 0 R >>',
  2: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  3: `<< /Type /Page /Parent 2 0 R /Resources << /Font << ${fonts} >> >> /Contents ${content} >>`,
});
const HELVETICA = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** A CID font whose codes 0001-0004 are 学生名单 and 0010-0019 the digits 0-9. */
const CMAP = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0001> <5B66> <0002> <751F> endbfchar
2 beginbfrange <0003> <0004> [<540D> <5355>] <0010> <0019> <0030> endbfrange
endcmap end end`;
const TYPE0 = (toUnicode: string) =>
  `<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H ${toUnicode} >>`;

describe('pdfText', () => {
  it('reads a simple font as Latin-1: literal strings, escapes, TJ kerning and line moves', () => {
    const content =
      'BT /F1 12 Tf 72 700 Td (Phone: \\(010\\) 1234) Tj 0 -14 Td [(Hel) -20 (lo) -400 (world)] TJ T* (caf\\351) Tj ET';
    const read = pdfText(
      pdf({ ...page('/F1 5 0 R'), 4: { dict: '', stream: content }, 5: HELVETICA }),
    );
    expect(read).toEqual({
      ok: true,
      text: 'Phone: (010) 1234\nHello world\ncafé',
      partial: false,
    });
  });

  it('reads a CID font through its ToUnicode CMap, in compressed streams', () => {
    const content =
      'BT /F1 10 Tf 1 0 0 1 50 700 Tm <0001000200030004> Tj 1 0 0 1 50 680 Tm <00110013> Tj ET';
    const read = pdfText(
      pdf({
        ...page('/F1 5 0 R'),
        4: { dict: '', stream: content, deflate: true },
        5: TYPE0('/ToUnicode 6 0 R'),
        6: { dict: '', stream: CMAP, deflate: true },
      }),
    );
    expect(read).toEqual({ ok: true, text: '学生名单\n13', partial: false });
  });

  it('reads objects kept in an object stream', () => {
    const held = `${TYPE0('/ToUnicode 6 0 R')}`;
    const objStm = `5 0 ${held}`;
    const first = '5 0 '.length;
    const read = pdfText(
      pdf({
        ...page('/F1 5 0 R'),
        4: { dict: '', stream: 'BT /F1 10 Tf 50 700 Td <00010002> Tj ET', deflate: true },
        6: { dict: '', stream: CMAP, deflate: true },
        7: { dict: `/Type /ObjStm /N 1 /First ${first}`, stream: objStm, deflate: true },
      }),
    );
    expect(read).toEqual({ ok: true, text: '学生', partial: false });
  });

  it('leaves out a CID font without ToUnicode rather than guessing: no text, or a partial read', () => {
    const cidOnly = pdfText(
      pdf({
        ...page('/F1 5 0 R'),
        4: { dict: '', stream: 'BT /F1 10 Tf <00110012> Tj ET' },
        5: TYPE0(''),
      }),
    );
    expect(cidOnly).toMatchObject({ ok: false, reason: 'no-text' });
    const mixed = pdfText(
      pdf({
        ...page('/F1 5 0 R /F2 6 0 R'),
        4: { dict: '', stream: 'BT /F1 10 Tf <00110012> Tj /F2 10 Tf 0 -20 Td (Notice) Tj ET' },
        5: TYPE0(''),
        6: HELVETICA,
      }),
    );
    expect(mixed).toEqual({ ok: true, text: 'Notice', partial: true });
  });

  it('finds no text in an image-only page (an inline image skipped over) and refuses an encrypted one', () => {
    const image = Buffer.concat([
      Buffer.from('q 100 0 0 100 0 0 cm BI /W 2 /H 2 /BPC 8 /CS /G ID '),
      Buffer.from([0x28, 0x54, 0x6a, 0x29, 0xff]),
      Buffer.from(' EI Q'),
    ]);
    expect(pdfText(pdf({ ...page(''), 4: { dict: '', stream: image } }))).toMatchObject({
      ok: false,
      reason: 'no-text',
    });
    const encrypted = pdf(
      {
        ...page('/F1 5 0 R'),
        4: { dict: '', stream: 'BT /F1 10 Tf (secret) Tj ET' },
        5: HELVETICA,
        9: '<< /Filter /Standard /V 2 >>',
      },
      '/Encrypt 9 0 R',
    );
    expect(pdfText(encrypted)).toMatchObject({ ok: false, reason: 'encrypted' });
  });

  it('stops inflating at its cap: a stream that would inflate too far is left out, not read', () => {
    const bomb = { dict: '', stream: `BT /F1 10 Tf (${'A'.repeat(200_000)}) Tj ET`, deflate: true };
    const doc = pdf({
      ...page('/F1 5 0 R /F2 5 0 R', '[4 0 R 6 0 R]'),
      4: bomb,
      5: HELVETICA,
      6: { dict: '', stream: 'BT /F1 10 Tf 0 -20 Td (small) Tj ET' },
    });
    const read = pdfText(doc, {
      maxStreamBytes: 10_000,
      maxInflatedBytes: 100_000,
      maxObjects: 100,
    });
    expect(read).toEqual({ ok: true, text: 'small', partial: true });
  });

  it('never throws on damaged input', () => {
    const garbage = Buffer.concat([
      Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R'),
      Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)),
    ]);
    expect(pdfText(garbage).ok).toBe(false);
    const cut = pdf({
      ...page('/F1 5 0 R'),
      4: { dict: '', stream: 'BT /F1 10 Tf (cut', deflate: true },
      5: HELVETICA,
    });
    expect(() => pdfText(cut.subarray(0, cut.length - 60))).not.toThrow();
  });

  it.each(['grades-libreoffice.pdf', 'grades-chromium.pdf'])(
    'reads the table rows of %s',
    (name) => {
      const read = pdfText(fs.readFileSync(path.join(FIXTURES, name)));
      expect(read.ok && read.text.split('\n')).toEqual(
        expect.arrayContaining(['姓名\t成绩\t名次', '张三\t95\t1', '李四\t90\t2']),
      );
    },
  );
});
