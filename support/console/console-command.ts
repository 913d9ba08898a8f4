/**
 * `ocpp-conformance console`: an emulated Central System that a charger connects to, or an emulated Charge Point that
 * connects to a CSMS, driven line by line (console-session.ts). Interactive with tab completion on a terminal;
 * `--script <file>` runs a list of console lines and exits (0 when every line was carried out, 1 when an `expect`
 * was not met or the connection could not be made, 3 on a bad flag or line). Every frame goes to a JSONL trace.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { type FlagSpec, helpText, type ParsedArgs, parseArgs } from '../cli/args';
import { ROOT } from '../cli/run-command';
import { ConfigError } from '../reporting/errors';
import { WireLog } from '../recording/wire-log';
import type { Finding } from '../recording/finding';
import { centralSystemHandlers } from '../roles/central-system/central-system-handlers';
import { EmulatedCentralSystem } from '../roles/central-system/emulated-central-system';
import { EmulatedChargePoint } from '../roles/charge-point/emulated-charge-point';
import { IdTagRegistry } from '../roles/id-tag-registry';
import { loadSutFile, type SutConfig } from '../sut/sut-config';
import { CONSOLE_COMMAND_HELP, ConsoleInputError, type ConsolePeer, type ConsoleRole, ConsoleSession } from './console-session';

export const CONSOLE_FLAGS: Record<string, FlagSpec> = {
  role: { kind: 'string', placeholder: 'central-system|charge-point', description: 'The role the console plays (with --sut: the other side of the SUT).' },
  sut: { kind: 'string', placeholder: 'file', description: 'Take the role, address and credentials from a SUT file.' },
  listen: { kind: 'number', placeholder: 'port', description: '(central-system) The port to listen on, 0 for any free one.' },
  host: { kind: 'string', description: '(central-system) The address to listen on (default 127.0.0.1).' },
  path: { kind: 'string', description: '(central-system) The endpoint path before the identity (default /ocpp).' },
  url: { kind: 'string', placeholder: 'ws(s)://host:port/path', description: '(charge-point) The Central System endpoint; the identity is appended.' },
  id: { kind: 'string', placeholder: 'identity', description: 'The charge point identity (charge-point), or the only one let in (central-system).' },
  password: { kind: 'string', description: 'Basic auth: the password sent (charge-point) or required of --id (central-system).' },
  ca: { kind: 'string', placeholder: 'file', description: '(charge-point, wss) Trust this CA for the server certificate.' },
  insecure: { kind: 'boolean', description: '(charge-point, wss) Accept any server certificate.' },
  cert: { kind: 'string', placeholder: 'file', description: '(central-system) Serve wss with this certificate (PEM) ...' },
  key: { kind: 'string', placeholder: 'file', description: '... and this private key (PEM).' },
  script: { kind: 'string', placeholder: 'file', description: 'Run the console lines of a file, then exit.' },
  trace: { kind: 'string', placeholder: 'file', description: 'The JSONL trace (default reports/console/console-<time>.jsonl).' },
  timeout: { kind: 'number', placeholder: 'seconds', description: 'How long a CALL waits for its answer (default 30).' },
  'no-colour': { kind: 'boolean', description: 'Plain output.' },
};

export const CONSOLE_HELP = `${helpText(
  'ocpp-conformance console --role central-system --listen <port> | --role charge-point --url <url> --id <identity> | --sut <file> [options]',
  'An interactive OCPP 1.6-J console on the harness\'s engine: send any CALL, see every frame pretty-printed with its\n'
    + 'schema verdict, answer the peer\'s CALLs automatically or by hand. Exit 0, or with --script: 1 when an expect\n'
    + 'was not met, 3 on a bad flag or line.',
  CONSOLE_FLAGS,
)}\n${CONSOLE_COMMAND_HELP}`;

type Flags = ParsedArgs['flags'];
const str = (flags: Flags, name: string): string | undefined => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
const num = (flags: Flags, name: string): number | undefined => (typeof flags[name] === 'number' ? (flags[name] as number) : undefined);

interface Endpoint {
  readonly peer: ConsolePeer;
  readonly log: WireLog;
  /** Where it listens or what it connected to, for the first line printed. */
  readonly where: string;
  stop(): Promise<void>;
}

export async function consoleCommand(argv: readonly string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const { flags, positionals } = parseArgs(argv, CONSOLE_FLAGS, 'ocpp-conformance console');
  if (positionals.length > 0) throw new ConfigError(`ocpp-conformance console takes no argument "${positionals[0]}" (see --help)`);
  const script = str(flags, 'script');
  if (script !== undefined && !existsSync(script)) throw new ConfigError(`--script ${script}: no such file`);
  const timeoutS = num(flags, 'timeout') ?? 30;
  if (timeoutS <= 0) throw new ConfigError('--timeout takes a number of seconds above 0');
  const trace = resolve(str(flags, 'trace') ?? join(ROOT, 'reports', 'console', `console-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`));
  const findings: Finding[] = [];
  const endpoint = await open(flags, new WireLog(trace), timeoutS * 1000, (f) => findings.push(f));
  const colour = flags['no-colour'] !== true && script === undefined && Boolean((out as NodeJS.WriteStream).isTTY);
  const session = new ConsoleSession(endpoint.peer, endpoint.log, { write: (t) => out.write(t) }, { colour, responseTimeoutMs: timeoutS * 1000 });
  session.print(`${endpoint.where}; trace ${trace}`);
  try {
    return script === undefined ? await interactive(session) : await runScript(session, readFileSync(script, 'utf8'));
  } finally {
    for (const f of findings) session.print(`finding ${f.level} [${f.rule}] ${f.message}`);
    session.close();
    await endpoint.stop();
  }
}

/** The role, where to listen or connect, and credentials: from --sut or the flags; one sentence when they do not add up. */
async function open(args: Flags, log: WireLog, timeoutMs: number, onFinding: (f: Finding) => void): Promise<Endpoint> {
  const sutFile = str(args, 'sut');
  const sut = sutFile === undefined ? undefined : loadSutFile(sutFile);
  const given = str(args, 'role');
  if (given !== undefined && given !== 'central-system' && given !== 'charge-point') throw new ConfigError(`--role takes central-system or charge-point, not "${given}"`);
  const role: ConsoleRole | undefined = sut ? (sut.role === 'charge-point' ? 'central-system' : 'charge-point') : given;
  if (!role) throw new ConfigError('say which role the console plays: --role central-system or --role charge-point (or give --sut)');
  if (sut && given !== undefined && given !== role) throw new ConfigError(`--role ${given} cannot test the ${sut.role} of ${sutFile}: the console plays its ${role}`);
  const onHarnessError = (message: string): void => onFinding({ level: 'SHALL', category: 'behaviour', rule: 'harness', message });
  return role === 'central-system' ? listen(args, sut, log, timeoutMs, onFinding, onHarnessError) : connect(args, sut, log, timeoutMs, onFinding, onHarnessError);
}

async function listen(args: Flags, sut: SutConfig | undefined, log: WireLog, timeoutMs: number, onFinding: (f: Finding) => void, onHarnessError: (m: string) => void): Promise<Endpoint> {
  const cp = sut?.chargePoint;
  const port = num(args, 'listen') ?? cp?.listen.port;
  if (port === undefined) throw new ConfigError('--role central-system needs --listen <port> (0 for any free port)');
  if (port > 65_535) throw new ConfigError(`--listen takes a port number, not ${port}`);
  const identity = str(args, 'id') ?? cp?.identity;
  const password = str(args, 'password') ?? cp?.security.basicAuthPassword;
  if (password !== undefined && identity === undefined) throw new ConfigError('--password needs --id: the charge point whose password it is');
  const cert = str(args, 'cert') ?? cp?.security.tls?.cert;
  const key = str(args, 'key') ?? cp?.security.tls?.key;
  if ((cert === undefined) !== (key === undefined)) throw new ConfigError('wss needs both --cert and --key');
  const idTags = new AcceptingIdTags();
  for (const [kind, tag] of Object.entries(sut?.idTags ?? {})) if (kind !== 'valid') idTags.set(String(tag), { status: kind === 'blocked' ? 'Blocked' : kind === 'expired' ? 'Expired' : 'Invalid' });
  const handlers = centralSystemHandlers({ registration: 'Accepted', interval: 300, idTags, dataTransferVendorIds: new Set() });
  const cs = new EmulatedCentralSystem({
    host: str(args, 'host') ?? cp?.listen.host ?? '127.0.0.1', port, path: str(args, 'path') ?? cp?.listen.path ?? '/ocpp',
    ...(cert && key ? { tls: { certFile: cert, keyFile: key } } : {}),
    ...(password !== undefined && identity !== undefined ? { basicAuth: { [identity]: password } } : {}),
    ...(identity !== undefined ? { identities: [identity] } : {}),
    log, handlers, defaultTimeoutMs: timeoutMs, onFinding, onHarnessError,
  });
  const url = await cs.start();
  const connected: string[] = [];
  let current: string | undefined;
  log.subscribe((r) => {
    if (r.type !== 'event' || r.event !== 'open') return;
    const id = r.connection.replace(/#\d+$/, '');
    if (!connected.includes(id)) connected.push(id);
    current = id;
  });
  const peer: ConsolePeer = {
    role: 'central-system',
    handlers,
    connection: () => {
      const c = current === undefined ? undefined : cs.connection(current);
      return c?.isOpen ? c : current === undefined ? `no charge point has connected yet (listening on ${url}/<identity>)` : `${current} is not connected`;
    },
    identities: () => connected,
    use: (id) => {
      if (!connected.includes(id)) return `${id} has not connected; connected: ${connected.join(', ') || 'none'}`;
      current = id;
      return undefined;
    },
  };
  return { peer, log, where: `listening on ${url}/<identity> as the Central System`, stop: async () => { await cs.stop(); } };
}

async function connect(args: Flags, sut: SutConfig | undefined, log: WireLog, timeoutMs: number, onFinding: (f: Finding) => void, onHarnessError: (m: string) => void): Promise<Endpoint> {
  const cs = sut?.centralSystem;
  const url = str(args, 'url') ?? cs?.url;
  if (url === undefined) throw new ConfigError('--role charge-point needs --url <ws(s)://host:port/path> of the Central System');
  if (!/^wss?:\/\//.test(url)) throw new ConfigError(`--url must be a ws:// or wss:// URL, not "${url}"`);
  const identity = str(args, 'id') ?? firstIdentity(sut);
  if (identity === undefined) throw new ConfigError('--role charge-point needs --id <charge point identity>');
  const password = str(args, 'password') ?? cs?.security.basicAuth?.[identity];
  const ca = str(args, 'ca') ?? cs?.security.tls?.ca;
  const cp = new EmulatedChargePoint({
    csmsUrl: url, identity, log, defaultTimeoutMs: timeoutMs, onFinding, onHarnessError, connectors: cs?.connectors ?? 1,
    ...(password !== undefined ? { basicAuth: { password } } : {}),
    ...(ca !== undefined || args['insecure'] === true ? { tls: { ...(ca ? { caFile: ca } : {}), rejectUnauthorized: !args['insecure'] === true } } : {}),
  });
  const handshake = await cp.connect(timeoutMs).catch((e: Error) => ({ ok: false as const, message: e.message.replace(/^cannot reach the Central System at \S+: /, '') }));
  if (!handshake.ok) throw new ConfigError(`cannot connect to ${url}/${identity}: ${handshake.message}`);
  const peer: ConsolePeer = {
    role: 'charge-point',
    handlers: cp.handlers,
    connection: () => (cp.isConnected ? cp.connection : `the Central System closed the connection of ${identity}`),
    identities: () => [identity],
  };
  return { peer, log, where: `connected to ${url}/${identity} as the Charge Point (subprotocol ${handshake.subprotocol})`, stop: () => cp.disconnect() };
}

function firstIdentity(sut: SutConfig | undefined): string | undefined {
  const accepted = sut?.centralSystem?.chargePoints.accepted;
  return Array.isArray(accepted) ? accepted[0] : undefined;
}

/** A console Central System accepts every idTag but those the SUT file names blocked, expired or invalid. */
class AcceptingIdTags extends IdTagRegistry {
  override info(idTag: string): ReturnType<IdTagRegistry['info']> {
    return this.has(idTag) ? super.info(idTag) : { status: 'Accepted' };
  }
}

async function interactive(session: ConsoleSession): Promise<number> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'ocpp> ', completer: (line: string) => session.complete(line) });
  session.print('type "help" for the commands, Tab to complete');
  rl.prompt();
  let chain = Promise.resolve(true);
  return new Promise<number>((done) => {
    rl.on('line', (line) => {
      chain = chain.then(async (go) => {
        if (!go) return false;
        try {
          const more = await session.execute(line);
          if (!more) rl.close();
          return more;
        } catch (e) {
          session.print(e instanceof ConsoleInputError ? `! ${e.message}` : `! ${(e as Error).message}`);
          return true;
        } finally {
          rl.prompt();
        }
      });
    });
    rl.on('close', () => void chain.then(() => done(0)));
  });
}

async function runScript(session: ConsoleSession, text: string): Promise<number> {
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (line.trim() && !line.trim().startsWith('#')) session.print(`ocpp> ${line.trim()}`);
    try {
      if (!(await session.execute(line))) return 0;
    } catch (e) {
      session.print(`! line ${i + 1}: ${(e as Error).message}`);
      return e instanceof ConsoleInputError && !/^no .*\.req from the peer within/.test((e as Error).message) ? 3 : 1;
    }
  }
  return 0;
}
