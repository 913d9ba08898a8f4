/**
 * One input of the fuzzer: the text of one WebSocket message sent to the system under test, and what the SUT must do
 * with it (the oracle's expectation, with the clause that says so). Inputs are plain data so that a finding can be
 * saved with the exact frames that led to it and replayed later.
 */

export type Expectation =
  /** A schema-valid CALL: a schema-valid CALLRESULT, or a CALLERROR a valid payload may still get (see oracle.ts). */
  | { readonly kind: 'result' }
  /** A CALL the SUT can read the message id of but must refuse: a CALLERROR with one of these codes (Table 7). */
  | {
      readonly kind: 'error';
      readonly codes: readonly string[];
      /**
       * A receiver may also read past it and answer a schema-valid CALLRESULT: a date-time without offset, which
       * §3.15 binds the sender to avoid and a receiver may read as UTC.
       */
      readonly mayAccept?: boolean;
    }
  /** A frame the SUT must ignore (OCPP-J 1.6 §4.1.3): nothing may answer it. */
  | { readonly kind: 'ignored' }
  /** A frame without a message id the SUT could answer by: anything, as long as the SUT stays up. */
  | { readonly kind: 'alive' };

export interface FuzzInput {
  /** The exact text sent. */
  readonly raw: string;
  /** The message id an answer would carry, when the SUT can read one. */
  readonly id?: string;
  readonly action: string;
  /** The schema strategy (schema-mutations.ts) or frame mutation that made it; `valid` for an unmutated CALL. */
  readonly mutation: string;
  /** Where in the payload the schema mutation changed it. */
  readonly pointer?: string;
  readonly expect: Expectation;
  /** The clause the expectation comes from, cited in findings. */
  readonly rule: string;
  /**
   * The fuzzer's answer to the CALL this input makes the SUT send (a TriggerMessage.req's message): a mutated
   * CALLRESULT the SUT must survive (it cannot refuse an answer, OCPP-J 1.6 §4.2.2).
   */
  readonly answer?: { readonly action: string; readonly payload: unknown; readonly mutation: string; readonly pointer?: string };
}

/** How an input is shown in findings and the console: `SetChargingProfile.req wrong-type at /csChargingProfiles/stackLevel`. */
export function describeInput(input: FuzzInput): string {
  const a = input.answer;
  if (a) return `${input.action} of ${a.action}, answered with ${a.action}.conf ${a.mutation}${a.pointer ? ` at ${a.pointer}` : ''}`;
  return `${input.action} ${input.mutation}${input.pointer ? ` at ${input.pointer || '/'}` : ''}`;
}
