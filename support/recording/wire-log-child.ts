/**
 * A process that records frames and is then ended in the way its first argument names, for wire-log.spec.ts:
 * `exit` (the event loop drains), `process-exit`, `throw` (an uncaught exception), or `wait` (it keeps recording
 * until a signal ends it). The flush interval is an hour, so whatever is on disk got there through the exit path.
 * It says on stdout how far it has recorded and how many bytes the file held then.
 */
import { statSync } from 'node:fs';
import { WireLog } from './wire-log';

const [how, file] = process.argv.slice(2) as [string, string];
const log = new WireLog(file, { flushIntervalMs: 3_600_000 });
let recorded = 0;
const record = (): void => {
  recorded += 1;
  log.frame({ connection: 'CP1', direction: recorded % 2 ? 'in' : 'out', raw: `[2,"${recorded}","Heartbeat",{}]`, kind: 'CALL', id: String(recorded), action: 'Heartbeat', problems: [], violations: [] });
};
for (let i = 0; i < 500; i++) record();
process.stdout.write(`recorded ${recorded} bytes ${statSync(file).size}\n`);

if (how === 'process-exit') process.exit(0);
if (how === 'throw') throw new Error('deliberate crash of the wire-log child');
if (how === 'wait') {
  // Keeps recording, 50 frames a turn, and says so after each, until the parent's signal ends it.
  const more = (): void => {
    for (let i = 0; i < 50; i++) record();
    process.stdout.write(`recorded ${recorded}\n`);
    setTimeout(more, 5);
  };
  more();
}
