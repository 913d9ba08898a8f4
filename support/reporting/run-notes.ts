/**
 * Run notes: what happened during a run outside any test case that the reader should know — a charge point the SUT
 * file does not name was refused, the teardown had to force something. Each worker keeps its notes in
 * `<reports>/results/run-notes-<worker>.ndjson`, one note a line (rewritten whole on every change, so a crash loses
 * nothing already noted; not `.json`, which the folder keeps for scenario results); the summaries and the console end read them all. The same note repeated (a stranger retrying) is one
 * note with a count.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resultsDir } from './scenario-result';

export type RunNoteKind = 'stranger-refused' | 'teardown';

export interface RunNote {
  /** What makes two notes the same (e.g. `stranger-refused:CP-9`). */
  readonly key: string;
  readonly kind: RunNoteKind;
  /** One sentence, plain text. */
  readonly message: string;
  readonly worker: string;
  readonly first: string;
  last: string;
  count: number;
}

const PREFIX = 'run-notes-';
const SUFFIX = '.ndjson';

export class RunNotes {
  private readonly notes = new Map<string, RunNote>();

  /** @param reportsDir where to keep them; omit to keep them in memory only (unit tests). */
  constructor(private readonly reportsDir: string | undefined, private readonly worker: string) {}

  /** Records a note, or counts one more of a note with the same key. */
  note(kind: RunNoteKind, key: string, message: string): RunNote {
    const now = new Date().toISOString();
    const known = this.notes.get(key);
    if (known) {
      known.count += 1;
      known.last = now;
    } else {
      this.notes.set(key, { key, kind, message, worker: this.worker, first: now, last: now, count: 1 });
    }
    this.save();
    return this.notes.get(key) as RunNote;
  }

  list(): RunNote[] {
    return [...this.notes.values()];
  }

  private save(): void {
    if (!this.reportsDir) return;
    try {
      const dir = resultsDir(this.reportsDir);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${PREFIX}${this.worker}${SUFFIX}`);
      writeFileSync(`${file}.tmp`, this.list().map((n) => `${JSON.stringify(n)}\n`).join(''));
      renameSync(`${file}.tmp`, file);
    } catch {
      // A note that cannot be written must not end the run; it was printed where it arose.
    }
  }
}

/** Every worker's notes in a reports folder, oldest first. */
export function readRunNotes(reportsDir: string): RunNote[] {
  let names: string[];
  try {
    names = readdirSync(resultsDir(reportsDir)).filter((n) => n.startsWith(PREFIX) && n.endsWith(SUFFIX));
  } catch {
    return [];
  }
  return names
    .flatMap((n) => readFileSync(join(resultsDir(reportsDir), n), 'utf8').split('\n').filter(Boolean).flatMap((line) => {
      try {
        return [JSON.parse(line) as RunNote];
      } catch {
        return [];
      }
    }))
    .sort((a, b) => a.first.localeCompare(b.first));
}

/** A note as one line: the message, and for a repeated one how often and until when. */
export function formatRunNote(note: Pick<RunNote, 'message' | 'count' | 'last'>): string {
  return note.count > 1 ? `${note.message} (${note.count} times, the last at ${note.last})` : note.message;
}
