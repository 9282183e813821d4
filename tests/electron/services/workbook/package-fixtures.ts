import { sampleData } from '../../../../electron/services/sample-data';
import type { Sample } from '../../../../electron/services/sample-data';
import { LATEST_BUILT_IN } from '../../../../electron/services/templates/template-store';
import type { PdfPrinter } from '../../../../electron/services/report/pdf-printer';
import type { PackageSources } from '../../../../electron/services/workbook/package-write';
import type { ZipEntry } from '../../../../electron/services/zip/zip-reader';
import { readZip } from '../../../../electron/services/zip/zip-reader';

/** A printer that makes the same small "PDF" of any document, and remembers what it was given. */
export function stubPrinter(): PdfPrinter & { readonly printed: string[] } {
  const printed: string[] = [];
  return {
    printed,
    print(html) {
      printed.push(html);
      return Promise.resolve(Buffer.from('%PDF-1.7\n% stub report\n%%EOF\n'));
    },
  };
}

let cached: { signed: Sample; draft: Sample } | undefined;
/** One signed sample and one draft against the latest built-in checklist, each with its files. */
export function packageSamples(): { signed: Sample; draft: Sample } {
  cached ??= {
    signed: sampleData({ count: 1, seed: 'package-tests', asOf: '2026-11-30', signing: 'all' })[0]!,
    draft: sampleData({ count: 1, seed: 'package-tests', asOf: '2026-11-30', signing: 'none' })[0]!,
  };
  return cached;
}

/** What buildPackage needs, with an evidence store holding the sample's files but `leaveOut`. */
export function sourcesFor(
  sample: Sample,
  options: { readonly leaveOut?: readonly string[]; readonly printer?: PdfPrinter } = {},
): PackageSources {
  const files = new Map(
    sample.files
      .filter((f) => !(options.leaveOut ?? []).includes(f.sha256))
      .map((f) => [f.sha256, f] as const),
  );
  return {
    templates: { get: () => LATEST_BUILT_IN },
    evidence: {
      has: (sha256) => files.has(sha256),
      read: (sha256) => {
        const file = files.get(sha256);
        if (!file) return Promise.reject(new Error('not here'));
        return Promise.resolve({ type: file.type, bytes: Buffer.from(file.bytes) });
      },
    },
    printer: options.printer ?? stubPrinter(),
    appVersion: '0.1.0-test',
    now: () => new Date('2026-12-01T02:00:00Z'),
  };
}

/** The entries of a zip the app wrote. */
export function entriesOf(bytes: Uint8Array): ZipEntry[] {
  const read = readZip(bytes, { maxUnpackedBytes: 1 << 30, maxEntries: 20_000 });
  if (!read.ok) throw new Error(read.reason);
  return read.entries;
}
