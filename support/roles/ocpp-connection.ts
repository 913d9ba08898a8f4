/**
 * One OCPP-J connection of an emulated role: the WebSocket and its RPC endpoint. The SUT's CALLs go to a mailbox
 * the connection is given (one per charge point, so waits span reconnections); the harness's CALLs go out through
 * `call`, and a missing answer is a conformance failure of the rule the caller names.
 */
import { EventEmitter } from 'node:events';
import type WebSocket from 'ws';
import type { RawData } from 'ws';
import { Mailbox, type ReceivedCall } from '../recording/mailbox';
import type { FrameRecord } from '../recording/frame-record';
import type { WireLog } from '../recording/wire-log';
import type { HandlerTable } from '../ocpp/handler-table';
import { type CallOptions, type CallOutcome, type Role, RpcEndpoint } from '../ocpp/rpc-endpoint';
import { Expectations, type RuleContext, explain } from './expectations';

export type { RuleContext } from './expectations';

export interface ConnectionContext {
  readonly log: WireLog;
  readonly handlers: HandlerTable;
  readonly plays: Role;
  readonly defaultTimeoutMs: number;
  readonly onHarnessError: (message: string) => void;
}

/** How messages name the system under test seen from `plays`. */
export function sutName(plays: Role, identity: string): string {
  return plays === 'CentralSystem' ? `the Charge Point ${identity}` : 'the Central System';
}

export class OcppConnection extends EventEmitter {
  readonly endpoint: RpcEndpoint;
  readonly expectations: Expectations;
  /** The most recent CALLs of the SUT by id, so the answer can be attached to them. */
  private readonly recent = new Map<string, ReceivedCall>();
  private closeInfo: { code: number; reason: string } | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly ws: WebSocket,
    /** The charge point identity. */
    readonly identity: string,
    /** The label in records: the identity, `#n` appended from the second connection on. */
    readonly label: string,
    /** The subprotocol agreed at the handshake ('' when none). */
    readonly subprotocol: string,
    private readonly ctx: ConnectionContext,
    /** Where the SUT's CALLs go; shared by the connections of one charge point. */
    readonly mailbox: Mailbox = new Mailbox(),
  ) {
    super();
    this.expectations = new Expectations(mailbox, sutName(ctx.plays, identity));
    mailbox.reopen(this);
    this.endpoint = new RpcEndpoint({
      connection: label,
      plays: ctx.plays,
      log: ctx.log,
      handlers: ctx.handlers,
      defaultTimeoutMs: ctx.defaultTimeoutMs,
      send: (raw) => {
        if (ws.readyState !== ws.OPEN) throw new Error('the WebSocket is not open');
        ws.send(raw);
      },
      onCall: (call, record) => {
        const received: ReceivedCall = { record, action: call.action, id: call.id, payload: call.payload };
        this.recent.set(call.id, received);
        if (this.recent.size > 200) this.recent.delete(this.recent.keys().next().value as string);
        mailbox.deliver(received);
        this.emit('call', received);
      },
      onAnswer: (id, answer) => {
        const received = this.recent.get(id);
        if (!received) return;
        received.answer = answer;
        this.emit('answered', received);
      },
      onHarnessError: ctx.onHarnessError,
    });
    this.unsubscribe = ctx.log.subscribe((r) => mailbox.observe(r), label);
    ws.on('message', (data: RawData, isBinary: boolean) => this.onMessage(data, isBinary));
    ws.on('close', (code: number, reason: Buffer) => this.onClose(code, reason.toString()));
    ws.on('error', (e: Error) => ctx.log.event(label, 'error', { kind: 'socket-error', message: e.message }));
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8');
    if (isBinary) {
      // OCPP-J 1.6 §4.1.2: the message is JSON text; a binary WebSocket frame is recorded as a malformed frame.
      this.ctx.log.frame({
        connection: this.label, direction: 'in', raw: text, kind: 'INVALID', violations: [],
        problems: [{ level: 'SHALL', rule: 'OCPP-J 1.6 §4.1.2', message: 'a binary WebSocket frame; OCPP-J messages are UTF-8 JSON text' }],
      });
      return;
    }
    this.endpoint.receive(text);
  }

  private onClose(code: number, reason: string): void {
    this.closeInfo = { code, reason };
    this.ctx.log.event(this.label, 'close', { code, reason });
    const why = `${this.label} closed with code ${code}${reason ? ` "${reason}"` : ''}`;
    this.endpoint.close(why);
    this.mailbox.close(why, this);
    this.unsubscribe();
    this.emit('close', code, reason);
  }

  get isOpen(): boolean {
    return this.closeInfo === undefined && this.ws.readyState === this.ws.OPEN;
  }

  get closed(): { code: number; reason: string } | undefined {
    return this.closeInfo;
  }

  /** Sends a CALL and returns its outcome; a missing answer is a conformance failure of `rule`. */
  call(action: string, payload: Record<string, unknown>, rule: RuleContext, options: CallOptions = {}): Promise<CallOutcome> {
    return this.endpoint.call(action, payload, options, (e) => explain(e, rule, `a response to ${action}.req`, this.expectations.who));
  }

  /** Sends a raw (possibly malformed) CALL and awaits the response to its id. */
  async callRaw(raw: string, action: string, rule: RuleContext, options: CallOptions = {}): Promise<CallOutcome> {
    try {
      return await this.endpoint.callRaw(raw, action, { ...options, deliberate: true });
    } catch (e) {
      throw explain(e, rule, `a response to the ${action} frame`, this.expectations.who);
    }
  }

  /** Sends any text, recorded as deliberate. */
  sendRaw(raw: string): FrameRecord | undefined {
    return this.endpoint.sendRaw(raw);
  }

  /** Closes the connection normally. */
  close(code = 1000, reason = ''): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.closeInfo || this.ws.readyState === this.ws.CLOSED) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        this.ws.terminate();
        resolve();
      }, 2000);
      this.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.ws.close(code, reason);
    });
  }

  /** Drops the TCP connection without a closing handshake (a network failure). */
  drop(): void {
    this.ws.terminate();
  }
}
