/**
 * The interactive OCPP console (`ocpp-conformance console`): one emulated role, driven by hand or by a script, on
 * the harness's own engine. Every frame either way goes through the RPC endpoint, the schema validator and the wire
 * log, so what is printed (pretty JSON, the schema verdict of each payload) is what a test run would have judged,
 * and the JSONL trace can be read back like a run's.
 *
 * Commands (one per line; `#` starts a comment):
 *   <Action> [json]              send a CALL; without json, a valid example payload from the action's schema
 *   template <Action>            print that example payload
 *   actions                      the actions this role may send
 *   answer <id>|last <json>      answer a held CALL of the peer with a CALLRESULT
 *   error <id>|last <code> [text] answer a held CALL of the peer with a CALLERROR
 *   auto on|off                  answer the peer's CALLs with the role's defaults (on) or hold them for answer/error
 *   raw <text>                   send a frame as typed (a malformed one, an unknown message type…)
 *   expect <Action> [seconds]    wait for a CALL of Action from the peer not expected before (default 30 s)
 *   wait <seconds>               pause (scripts)
 *   use <identity>               the connected charge point to talk to (Central System role)
 *   help, quit
 */
import { ACTIONS, ACTION_NAMES, canReceive } from '../ocpp/actions';
import type { HandlerTable } from '../ocpp/handler-table';
import { CALL_ERROR_CODES } from '../ocpp/call-error-codes';
import { ResponseTimeout } from '../ocpp/rpc-endpoint';
import type { FrameRecord, TraceRecord } from '../recording/frame-record';
import type { WireLog } from '../recording/wire-log';
import { examplePayload, Random } from '../fuzz/schema-mutations';
import { SchemaValidator, schemaOf } from '../schemas/schema-validator';
import type { OcppConnection } from '../roles/ocpp-connection';

/** The role the console plays. */
export type ConsoleRole = 'central-system' | 'charge-point';

/** What the session needs of the emulated role it drives. */
export interface ConsolePeer {
  readonly role: ConsoleRole;
  readonly handlers: HandlerTable;
  /** The connection to talk over, or a sentence saying why there is none. */
  connection(): OcppConnection | string;
  /** Charge point identities connected (Central System role), for `use`. */
  identities(): readonly string[];
  /** Selects the charge point to talk to (Central System role). */
  use?(identity: string): string | undefined;
}

export interface ConsoleOutput {
  write(text: string): void;
}

const COLOURS = { reset: '\x1b[0m', dim: '\x1b[2m', red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', cyan: '\x1b[36m', magenta: '\x1b[35m' } as const;

const COMMANDS = ['template', 'actions', 'answer', 'error', 'auto', 'raw', 'expect', 'wait', 'use', 'help', 'quit', 'exit'] as const;

export const CONSOLE_COMMAND_HELP = `Commands:
  <Action> [json]              send a CALL (json omitted: an example payload from the schema)
  template <Action>            print the example payload of an action
  actions                      the actions this role may send
  answer <id>|last <json>      answer a held CALL of the peer (last: the latest held) with a CALLRESULT
  error <id>|last <code> [txt] answer a held CALL of the peer with a CALLERROR
  auto on|off                  answer the peer's CALLs automatically (on, default) or hold them
  raw <text>                   send a frame exactly as typed
  expect <Action> [seconds]    wait for the peer's next CALL of Action not yet expected (default 30 s)
  wait <seconds>               pause
  use <identity>               talk to this connected charge point (Central System role)
  help | quit
`;

/** A console line that cannot be carried out: printed, and in a script it stops the script. */
export class ConsoleInputError extends Error {}

export class ConsoleSession {
  private auto = true;
  /** The peer's CALLs held for a hand-made answer, by message id. */
  private readonly held = new Map<string, { action: string; connection: string }>();
  /** Actions of the CALLs answered by hand (a raw frame's record does not know them), by message id. */
  private readonly answeredByHand = new Map<string, string>();
  private readonly waiters: Array<{ action: string; resolve: () => void }> = [];
  /** The peer's CALLs no `expect` has taken yet, oldest first: an expect is met by one that came before it too. */
  private readonly arrived: string[] = [];
  private readonly unsubscribe: () => void;
  private readonly rng = new Random(Date.now() >>> 0);

  constructor(
    private readonly peer: ConsolePeer,
    log: WireLog,
    private readonly out: ConsoleOutput,
    private readonly options: { readonly colour: boolean; readonly responseTimeoutMs: number },
  ) {
    this.unsubscribe = log.subscribe((record) => this.show(record));
    for (const action of this.incomingActions()) {
      const fallback = peer.handlers.get(action);
      peer.handlers.override(action, (call) => {
        if (this.auto && fallback) return fallback(call);
        this.held.set(call.id, { action: call.action, connection: call.connection });
        this.print(`${this.paint('yellow', 'held')} ${call.action}.req [${call.id}]: answer ${call.id} {…} or error ${call.id} <code>`);
        return { noReply: 'held for an answer typed in the console' };
      });
    }
  }

  /** The actions this role sends (its CALLs). */
  outgoingActions(): string[] {
    const plays = this.peer.role === 'central-system' ? 'ChargePoint' : 'CentralSystem';
    return ACTION_NAMES.filter((a) => canReceive(plays, a));
  }

  private incomingActions(): string[] {
    return ACTION_NAMES.filter((a) => canReceive(this.peer.role === 'central-system' ? 'CentralSystem' : 'ChargePoint', a));
  }

  /** Tab completion: command words and action names, then a template's action. */
  complete(line: string): [string[], string] {
    const words = line.split(/\s+/);
    if (words.length <= 1) {
      const all = [...COMMANDS, ...this.outgoingActions()];
      const hits = all.filter((w) => w.toLowerCase().startsWith(line.toLowerCase()));
      return [hits.length ? hits : all, line];
    }
    const last = words.at(-1) ?? '';
    if (words[0] === 'template' && words.length === 2) return [this.outgoingActions().filter((a) => a.startsWith(last)), last];
    if (words[0] === 'expect' && words.length === 2) return [this.incomingActions().filter((a) => a.startsWith(last)), last];
    if ((words[0] === 'answer' || words[0] === 'error') && words.length === 2) return [[...this.held.keys()].filter((id) => id.startsWith(last)), last];
    if (words[0] === 'error' && words.length === 3) return [Object.keys(CALL_ERROR_CODES).filter((c) => c.startsWith(last)), last];
    return [[], last];
  }

  /** Carries out one line; resolves when it is done (a CALL: when its answer came or timed out). `false`: quit. */
  async execute(input: string): Promise<boolean> {
    const line = input.trim();
    if (line === '' || line.startsWith('#')) return true;
    const [word = '', ...rest] = line.split(/\s+/);
    const tail = line.slice(word.length).trim();
    switch (word) {
      case 'quit':
      case 'exit':
        return false;
      case 'help':
        this.print(CONSOLE_COMMAND_HELP.trimEnd());
        return true;
      case 'actions':
        this.print(this.outgoingActions().join(' '));
        return true;
      case 'template':
        this.print(JSON.stringify(this.template(this.action(rest[0])), null, 2));
        return true;
      case 'auto':
        if (rest[0] !== 'on' && rest[0] !== 'off') throw new ConsoleInputError('auto takes "on" or "off"');
        this.auto = rest[0] === 'on';
        this.print(this.auto ? 'the peer\'s CALLs are answered with the defaults' : 'the peer\'s CALLs are held: answer <id> {…} or error <id> <code>');
        return true;
      case 'answer':
        this.answer(rest[0], tail.slice((rest[0] ?? '').length).trim());
        return true;
      case 'error':
        this.answerError(rest[0], rest[1], rest.slice(2).join(' '));
        return true;
      case 'raw':
        this.open().sendRaw(tail);
        return true;
      case 'expect':
        await this.expect(this.action(rest[0], this.incomingActions()), seconds(rest[1] ?? '30'));
        return true;
      case 'wait':
        await new Promise((r) => setTimeout(r, seconds(rest[0] ?? '') * 1000));
        return true;
      case 'use': {
        const why = this.peer.use?.(rest[0] ?? '') ?? 'only the Central System role talks to several charge points';
        if (why) throw new ConsoleInputError(why);
        this.print(`talking to ${rest[0]}`);
        return true;
      }
      default:
        await this.call(this.action(word), tail);
        return true;
    }
  }

  close(): void {
    this.unsubscribe();
    for (const w of this.waiters.splice(0)) w.resolve();
  }

  private action(name: string | undefined, allowed = this.outgoingActions()): string {
    if (!name) throw new ConsoleInputError('name an action');
    const found = allowed.find((a) => a.toLowerCase() === name.toLowerCase());
    if (found) return found;
    if (ACTIONS.has(name)) throw new ConsoleInputError(`${name} is not sent by a ${this.peer.role === 'central-system' ? 'Central System' : 'Charge Point'}; "actions" lists those that are`);
    throw new ConsoleInputError(`unknown command or action "${name}"; "help" lists the commands (send an unknown action with raw)`);
  }

  private template(action: string): unknown {
    return examplePayload(schemaOf(action, 'req'), this.rng, 0);
  }

  private open(): OcppConnection {
    const c = this.peer.connection();
    if (typeof c === 'string') throw new ConsoleInputError(c);
    return c;
  }

  private async call(action: string, json: string): Promise<void> {
    const payload = json ? parseJson(json) : this.template(action);
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new ConsoleInputError('a payload is a JSON object');
    try {
      await this.open().call(action, payload as Record<string, unknown>, { rule: 'console' }, { deliberate: true, timeoutMs: this.options.responseTimeoutMs });
    } catch (e) {
      if (e instanceof ResponseTimeout) this.print(this.paint('red', `no answer to ${action}.req within ${(e.waitedMs / 1000).toFixed(1)} s`));
      else throw e;
    }
  }

  /** `last` names the CALL held most recently. */
  private heldId(id: string | undefined): string | undefined {
    return id === 'last' ? [...this.held.keys()].at(-1) : id;
  }

  private heldCall(id: string | undefined): { action: string; connection: string } {
    const call = id === undefined ? undefined : this.held.get(id);
    if (!call) throw new ConsoleInputError(`no held CALL with id ${id ?? '(none given)'}${this.held.size ? `; held: ${[...this.held.keys()].join(', ')}` : ''}`);
    return call;
  }

  private answer(given: string | undefined, json: string): void {
    const id = this.heldId(given);
    this.heldCall(id);
    const payload = parseJson(json || '{}');
    this.answeredByHand.set(id as string, this.heldCall(id).action);
    this.open().sendRaw(JSON.stringify([3, id, payload]));
    this.held.delete(id as string);
  }

  private answerError(given: string | undefined, code: string | undefined, description: string): void {
    const id = this.heldId(given);
    this.heldCall(id);
    if (!code) throw new ConsoleInputError('error <id> <code> [description]: name a code');
    this.answeredByHand.set(id as string, this.heldCall(id).action);
    this.open().sendRaw(JSON.stringify([4, id, code, description, {}]));
    this.held.delete(id as string);
  }

  private expect(action: string, withinS: number): Promise<void> {
    const earlier = this.arrived.indexOf(action);
    if (earlier >= 0) {
      this.arrived.splice(earlier, 1);
      return new Promise((resolve) => setImmediate(resolve));
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new ConsoleInputError(`no ${action}.req from the peer within ${withinS} s`));
      }, withinS * 1000);
      // Resolved a turn later: the CALL's handler (which may hold it for `answer last`) runs first.
      const waiter = { action, resolve: () => { clearTimeout(timer); setImmediate(resolve); } };
      this.waiters.push(waiter);
    });
  }

  private show(record: TraceRecord): void {
    if (record.type === 'event') {
      if (record.event === 'open' || record.event === 'close' || record.event === 'refused' || record.event === 'listening' || record.event === 'error') {
        this.print(this.paint('dim', `${record.time.slice(11, 23)} ${record.connection} ${record.event} ${JSON.stringify(record.detail)}`));
      }
      return;
    }
    this.print(this.describe(record));
    if (record.direction === 'in' && record.kind === 'CALL' && record.action !== undefined) {
      const waiter = this.waiters.find((x) => x.action === record.action);
      if (waiter) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      } else {
        this.arrived.push(record.action);
      }
    }
  }

  /** One frame: time, direction, kind, action and id, the payload pretty-printed, and its verdict. */
  private describe(record: FrameRecord): string {
    const r = this.completed(record);
    const arrow = r.direction === 'in' ? this.paint('cyan', '←') : this.paint('magenta', '→');
    const name = r.kind === 'CALL' ? `${r.action}.req` : r.kind === 'CALLRESULT' ? `${r.action ?? '?'}.conf` : r.kind === 'CALLERROR' ? `CALLERROR ${r.errorCode}` : r.kind;
    const head = `${this.paint('dim', r.time.slice(11, 23))} ${arrow} ${r.connection} ${name}${r.id ? ` [${r.id}]` : ''}${r.latencyMs === undefined ? '' : this.paint('dim', ` ${Math.round(r.latencyMs)} ms`)}`;
    const body = r.kind === 'CALLERROR'
      ? JSON.stringify({ errorDescription: r.errorDescription, errorDetails: r.errorDetails }, null, 2)
      : r.payload === undefined ? r.raw : JSON.stringify(r.payload, null, 2);
    const verdicts = [
      ...r.problems.map((p) => this.paint(p.level === 'NOTE' ? 'yellow' : 'red', `  ${p.level === 'NOTE' ? 'note' : '✗'} ${p.rule}: ${p.message}`)),
      ...r.violations.map((v) => this.paint('red', `  ✗ schema ${v.rule}: ${v.pointer || '(payload)'} ${v.keyword}: ${v.message}`)),
    ];
    const judged = (r.kind === 'CALL' || r.kind === 'CALLRESULT') && r.action !== undefined && ACTIONS.has(r.action);
    const ok = !judged || verdicts.length > 0 ? [] : [this.paint('green', '  ✓ schema-valid')];
    return [head, indent(body), ...verdicts, ...ok].join('\n');
  }

  /** A hand-made answer's record with the action it answers, its error code and its schema verdict filled in. */
  private completed(r: FrameRecord): FrameRecord {
    const action = r.id === undefined || r.action !== undefined ? undefined : this.answeredByHand.get(r.id);
    if (action === undefined || r.direction !== 'out') return r;
    this.answeredByHand.delete(r.id as string);
    if (r.kind === 'CALLERROR') {
      const [, , code, description, details] = JSON.parse(r.raw) as [number, string, string, string, unknown];
      return { ...r, action, errorCode: code, errorDescription: description, errorDetails: details };
    }
    return { ...r, action, violations: r.kind === 'CALLRESULT' ? [...SchemaValidator.shared().validate(action, 'conf', r.payload).violations] : r.violations };
  }

  private paint(colour: keyof typeof COLOURS, text: string): string {
    return this.options.colour ? `${COLOURS[colour]}${text}${COLOURS.reset}` : text;
  }

  print(text: string): void {
    this.out.write(`${text}\n`);
  }
}

function indent(text: string): string {
  return text.split('\n').map((l) => `    ${l}`).join('\n');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ConsoleInputError(`not JSON: ${(e as Error).message}`);
  }
}

function seconds(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new ConsoleInputError(`"${text}" is not a number of seconds`);
  return n;
}
