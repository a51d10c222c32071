/**
 * A bot process for the fault tests: stores submission N in the outbox at DIR (if not stored yet)
 * and delivers it to the GitHub emulator at URL, then prints its status. The test kills it with
 * SIGKILL between two forge calls and starts it again.
 *
 * node test/bot/forge/child/deliver.ts URL DIR N
 */
import { EmbeddedSink } from '../../../../bot/forge/outbox/embedded-sink.ts';
import { githubForgeFor } from '../emulators/clients.ts';
import { sampleSubmission } from '../fixtures.ts';

const [url, dir, n] = process.argv.slice(2);
if (!url || !dir || !n) throw new Error('usage: node test/bot/forge/child/deliver.ts URL DIR N');
const forge = githubForgeFor(
  { url, owner: 'example-union', repo: 'honghei-content' },
  { timeoutMs: 5000 },
);
const sink = new EmbeddedSink({
  forge,
  dir,
  retryIntervalMs: 0,
  pollIntervalMs: 0,
  log: (m) => console.error(m),
});
const submission = sampleSubmission(Number(n), { binary: true });
await sink.submit(submission);
await sink.reconcile();
console.log(JSON.stringify(await sink.status(submission.id)));
await sink.close();
