/**
 * The CALLERROR error codes of OCPP-J 1.6 §4.2.3 (Table 7), with the 1.6 spellings the OCPP-J errata keeps on
 * purpose (§5.1 `OccurenceConstraintViolation`, §5.2 `FormationViolation`). Anything else, e.g. the OCPP 2.0
 * spellings `FormatViolation` or `OccurrenceConstraintViolation`, is not a valid OCPP 1.6 error code.
 */
export const CALL_ERROR_CODES = {
  NotImplemented: 'Requested Action is not known by receiver',
  NotSupported: 'Requested Action is recognized but not supported by the receiver',
  InternalError: 'An internal error occurred and the receiver was not able to process the requested Action successfully',
  ProtocolError: 'Payload for Action is incomplete',
  SecurityError: 'During the processing of Action a security issue occurred preventing receiver from completing the Action successfully',
  FormationViolation: 'Payload for Action is syntactically incorrect or not conform the PDU structure for Action',
  PropertyConstraintViolation: 'Payload is syntactically correct but at least one field contains an invalid value',
  OccurenceConstraintViolation: 'Payload for Action is syntactically correct but at least one of the fields violates occurence constraints',
  TypeConstraintViolation: 'Payload for Action is syntactically correct but at least one of the fields violates data type constraints',
  GenericError: 'Any other error not covered by the previous ones',
} as const;

export type CallErrorCode = keyof typeof CALL_ERROR_CODES;

export const CALL_ERROR_RULE = 'OCPP-J 1.6 §4.2.3';

export function isCallErrorCode(code: unknown): code is CallErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(CALL_ERROR_CODES, code);
}

/** Spellings from other OCPP versions that are often sent by mistake, with the 1.6 code they stand for. */
export const FOREIGN_SPELLINGS: Readonly<Record<string, CallErrorCode>> = {
  FormatViolation: 'FormationViolation',
  OccurrenceConstraintViolation: 'OccurenceConstraintViolation',
  MessageTypeNotSupported: 'NotSupported',
  RpcFrameworkError: 'ProtocolError',
};

/**
 * Which error code a receiver uses for a payload that fails a schema keyword (our reading of Table 7):
 * a missing required field violates an occurrence constraint; a wrong JSON type a data type constraint; a bad
 * value (enum, length, format, range) a property constraint; a field the PDU does not define breaks its structure.
 */
export function codeForSchemaKeyword(keyword: string): CallErrorCode {
  switch (keyword) {
    case 'required':
    case 'minItems':
    case 'maxItems':
      return 'OccurenceConstraintViolation';
    case 'type':
      return 'TypeConstraintViolation';
    case 'additionalProperties':
      return 'FormationViolation';
    default:
      return 'PropertyConstraintViolation';
  }
}

/**
 * The codes a receiver may answer a request with when its payload breaks `keyword`. Table 7 overlaps in places:
 * a missing field is also "incomplete" (ProtocolError) and "not conform the PDU structure" (FormationViolation);
 * an over-long CiString is an invalid value of a constrained data type. Where the table allows several readings a
 * judge accepts each; it never accepts NotImplemented, NotSupported or a CALLRESULT for a payload that breaks the
 * schema. The first code is the one our emulated roles send.
 */
export function acceptableCodesForSchemaKeyword(keyword: string): CallErrorCode[] {
  switch (keyword) {
    case 'required':
      return ['OccurenceConstraintViolation', 'ProtocolError', 'FormationViolation'];
    case 'maxLength':
      return ['PropertyConstraintViolation', 'TypeConstraintViolation'];
    default:
      return [codeForSchemaKeyword(keyword)];
  }
}
