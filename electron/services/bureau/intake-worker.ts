import { parentPort } from 'node:worker_threads';
import type { IntakeSource } from './intake-read';
import { intakeSource } from './intake-read';
import type { WorkerReply, WorkerTask } from './intake-pool';

/**
 * A worker of the intake pool (out/main/intake-worker.js): reads one file at a time from the
 * disk, checks it, and replies with the outcome; a checklist goes back only the first time this
 * worker meets its hash (a thousand schools share one).
 */
const port = parentPort;
if (port) {
  const sent = new Set<string>();
  port.on('message', (task: WorkerTask) => {
    const source: IntakeSource = { file: task.file, path: task.path };
    void intakeSource(source, task.today).then(({ intake, template }) => {
      const reply: WorkerReply = { index: task.index, intake };
      if (template && !sent.has(template.hash)) {
        sent.add(template.hash);
        port.postMessage({ ...reply, template } satisfies WorkerReply);
      } else port.postMessage(reply);
    });
  });
}
