import { parentPort, workerData } from 'node:worker_threads';
import type { AnalyseOptions } from '../../../shared/scan/page';
import type { FileTask } from './scan-file';
import { scanFile } from './scan-file';
import { SCAN_PARTS } from './scan-parts-default';
import type { ScanWorkerData } from './scan-pool';

/**
 * A worker of a folder scan (out/main/scan-worker.js): compiles the word list once, then reads,
 * decodes and analyses one file at a time and answers with its findings, links and notes.
 */
const port = parentPort;
if (port) {
  const data = workerData as ScanWorkerData;
  const options: AnalyseOptions = {
    words: data.words ? SCAN_PARTS.compileWords(data.words) : null,
    ownHosts: data.ownHosts,
    year: data.year,
  };
  port.on('message', (task: FileTask) => {
    void scanFile(task, SCAN_PARTS, options).then((result) => port.postMessage(result));
  });
}
