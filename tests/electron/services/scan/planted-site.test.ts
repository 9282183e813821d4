import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startScan } from '../../../../electron/services/scan/scan-run';
import type { Finding, ScanReport } from '../../../../shared/scan/finding';
import { scanReportSchema } from '../../../../shared/scan/finding';
import type { PlantedItem, PlantedManifest } from '../../../../scripts/scan-fixtures/planted-site';
import { generatePlantedSite } from '../../../../scripts/scan-fixtures/planted-site';
import { useTempDir } from '../../temp-dir';

/**
 * Issue 13's acceptance: a generated school site with leaks, hidden links, external and dead
 * links, listed words and pages without filing numbers planted in it; the scan must find every
 * planted item (detector, file, line) and none of the near misses, and what else it reports is
 * listed here (printed) and bounded.
 */

function matches(item: PlantedItem, finding: Finding): boolean {
  if (finding.detector !== item.detector || finding.source !== item.file) return false;
  if (
    item.line !== null &&
    (finding.line < item.line || finding.line > (item.lastLine ?? item.line))
  )
    return false;
  if (item.trick && finding.trick !== item.trick) return false;
  return !item.target || finding.target === item.target;
}

/**
 * A hidden link to another host is an external link too: the scan reports both, at the same
 * place. Those are explained, not false positives.
 */
function explained(finding: Finding, manifest: PlantedManifest): boolean {
  return (
    finding.detector === 'external-link' &&
    manifest.planted.some(
      (p) =>
        p.detector === 'hidden-link' &&
        p.file === finding.source &&
        p.line === finding.line &&
        p.target === finding.target,
    )
  );
}

async function scanSite(
  dir: string,
  seed: string,
): Promise<{ report: ScanReport; manifest: PlantedManifest }> {
  const root = path.join(dir, 'school-site');
  const manifest = generatePlantedSite(root, { seed, pages: 40 });
  const report = await startScan({
    source: { kind: 'folder', root },
    ownHosts: manifest.ownHosts,
    words: { name: 'words.txt', terms: manifest.words },
    appVersion: 'test',
    today: '2026-11-30',
    workers: 0,
  }).report;
  return { report: scanReportSchema.parse(report), manifest };
}

describe('a scan of a school site with planted leaks', { timeout: 60_000 }, () => {
  const tempDir = useTempDir();

  it.each(['planted-1', 'planted-2'])(
    'finds every planted item and no near miss (seed %s)',
    async (seed) => {
      const { report, manifest } = await scanSite(tempDir(), seed);
      const missed = manifest.planted.filter(
        (item) => !report.findings.some((f) => matches(item, f)),
      );
      expect(missed).toEqual([]);
      const nearHits = manifest.nearMisses.flatMap((item) =>
        report.findings
          .filter(
            (f) => f.detector === item.detector && f.source === item.file && f.line === item.line,
          )
          .map((f) => ({ item: item.what, found: f.match, at: `${f.source}:${f.line}` })),
      );
      expect(nearHits).toEqual([]);
      const others = report.findings.filter(
        (f) => !manifest.planted.some((item) => matches(item, f)) && !explained(f, manifest),
      );
      console.log(
        `planted ${manifest.planted.length}, findings ${report.findings.length}, ` +
          `hidden links also external ${report.findings.filter((f) => explained(f, manifest)).length}, ` +
          `others ${others.length}${others.map((f) => `\n  ${f.detector} ${f.source}:${f.line} ${f.match}`).join('')}`,
      );
      expect(others.length).toBeLessThanOrEqual(3);
      // Personal data is never in the report unmasked.
      const text = JSON.stringify(report);
      for (const item of manifest.planted)
        if (['id-number', 'phone', 'bank-card'].includes(item.detector))
          expect(text).not.toContain(item.what);
      expect(report.notes).toEqual([]);
      expect(report.complete).toBe(true);
    },
  );
});
