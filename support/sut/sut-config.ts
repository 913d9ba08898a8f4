/**
 * Loads and checks a SUT file (`fixtures/sut/<name>.json`, schema `sut-file.schema.json`) and fills in defaults.
 * Any problem is a ConfigError of one sentence naming the file and the field; nothing has been started or written
 * by then.
 */
import Ajv, { type ErrorObject } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '../reporting/errors';
import { parseDuration } from './duration';
import schema from './sut-file.schema.json';
import type { TransferProtocol } from '../transfer/transfer-log';

export type SutRole = 'charge-point' | 'central-system';
export type Identities = readonly string[] | { readonly pattern: string };

export interface HttpRequestTemplate {
  readonly url: string;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface IdTags {
  readonly valid: string;
  readonly valid2: string;
  readonly invalid: string;
  readonly blocked: string;
  readonly expired: string;
  readonly parent: string;
  readonly child: string;
  readonly child2: string;
}

export interface ChargePointSut {
  readonly identity: string;
  readonly listen: { readonly host: string; readonly port: number; readonly path: string };
  readonly security: { readonly basicAuthPassword?: string; readonly tls?: { readonly cert: string; readonly key: string } };
  readonly connectors: number;
  readonly connectorUnderTest: number;
  readonly fixedCable: boolean;
  readonly supportedProfiles: readonly string[];
  readonly configuration: Readonly<Record<string, string>>;
  readonly options: Readonly<Record<string, unknown>>;
}

export interface CentralSystemSut {
  readonly url: string;
  readonly chargePoints: { readonly accepted?: Identities; readonly pending?: Identities; readonly rejected?: Identities; readonly unknown?: Identities };
  readonly security: { readonly basicAuth?: Readonly<Record<string, string>>; readonly tls?: { readonly ca?: string; readonly rejectUnauthorized?: boolean } };
  readonly connectors: number;
  /** How long an emulated Charge Point's power cycle takes, ms (`centralSystem.rebootTime`, default 3 s). */
  readonly rebootTimeMs: number;
  readonly supportedProfiles: readonly string[];
  readonly options: Readonly<Record<string, unknown>>;
}

export interface ActuatorConfig {
  readonly type: 'reference' | 'http' | 'prompt';
  readonly timeoutMs: number;
  readonly actions: Readonly<Record<string, HttpRequestTemplate>>;
  readonly fallback: 'prompt' | 'none';
}

/** A latency limit per percentile, ms. */
export interface LatencyLimits {
  readonly p50?: number;
  readonly p95?: number;
  readonly p99?: number;
  readonly max?: number;
}

/** The `load` section: settings and pass criteria of `ocpp-conformance load` (see the schema's descriptions). */
export interface LoadConfig {
  readonly chargePoints?: Identities;
  readonly idTags?: Identities;
  readonly heartbeatIntervalMs?: number;
  readonly meterValueIntervalMs: number;
  readonly meterValuesPerSession: number;
  readonly pauseBetweenSessionsMs: number;
  readonly thresholds: {
    /** Keyed by action, `connect` or `*`. */
    readonly latency: Readonly<Record<string, LatencyLimits>>;
    readonly errorRate: number;
    readonly chargePointFailureRate: number;
  };
}

/** The `fileTransfer` section: the harness's file server for FirmwareManagement (see the schema's descriptions). */
export interface FileTransferConfig {
  readonly host: string;
  /** The protocols the charger supports, the preferred one first. */
  readonly protocols: { readonly firmware: readonly TransferProtocol[]; readonly diagnostics: readonly TransferProtocol[] };
  readonly ftp?: { readonly user: string; readonly password: string };
  readonly tls?: { readonly cert: string; readonly key: string };
  /**
   * Firmware images for UpdateFirmware.req, absolute paths: one the charger installs (TC_044_1_CS) and one it
   * refuses (TC_044_3_CS); without them the file server serves a small made-up file.
   */
  readonly images?: { readonly valid?: string; readonly invalid?: string };
}

/**
 * The `smartCharging` section: the <Configured …> values of the test case document's SmartCharging cases (§2.22)
 * and the tolerances of the composite-schedule comparison (see the schema's descriptions).
 */
export interface SmartChargingConfig {
  readonly chargingRateUnit: 'A' | 'W';
  readonly numberPhases: number;
  readonly stackLevel: number;
  /** Seconds: the duration of the profiles and of GetCompositeSchedule.req in TC_056/057/059/082_CS. */
  readonly duration: number;
  /** Seconds: how far the reported scheduleStart may be from the harness's clock, and how far back profiles start. */
  readonly maxTimeDeviation: number;
  /** What the charger reports where no profile limits charging, in chargingRateUnit (TC_067_CS step 12). */
  readonly localLimit?: number;
  /** The nominal line voltage for A↔W (errata §3.68). */
  readonly lineVoltage: number;
  /** How far a reported limit may be from the expected one, in chargingRateUnit. */
  readonly limitTolerance: number;
}

/** The white paper's use cases a SUT may implement (`security.features`). */
export const SECURITY_FEATURES = ['authorization-key', 'profile-change', 'certificate-signing', 'certificate-management', 'security-events', 'security-log', 'signed-firmware', 'extended-trigger'] as const;
export type SecurityFeature = (typeof SECURITY_FEATURES)[number];

/** PEM files given in the SUT file, read at load time (absolute paths kept for messages). */
export interface PemPair {
  readonly certFile: string;
  readonly cert: string;
  readonly keyFile?: string;
  readonly key?: string;
}

/**
 * The `security` section (the security white paper's cases, §2.24/§3.21 of the test case document): the profile in
 * use, the use cases implemented and where the certificates come from. Defaults filled in.
 */
export interface SecurityConfig {
  /** The security profile in use when the run starts (white paper §2.1). */
  readonly profile: 0 | 1 | 2 | 3;
  /** The profiles supported, ascending (contains `profile`). */
  readonly profiles: readonly number[];
  readonly features: readonly SecurityFeature[];
  /** 'generate': a test PKI made per run; else the CAs the SUT trusts, from files. */
  readonly pki: 'generate' | { readonly centralSystemRoot?: PemPair; readonly manufacturerRoot?: PemPair; readonly firmwareSigning?: PemPair; readonly chargePointCa?: PemPair };
  readonly cpoName: string;
  /** TC_073's AuthorizationKey, hex. */
  readonly newAuthorizationKey: string;
  /** The CN a Charge Point certificate must carry (undefined: the identity). */
  readonly serialNumber?: string;
  /** The name in the harness's server certificate. */
  readonly host: string;
  readonly certificateSignedMaxChainSize?: number;
  /** Central System under test: its OCPP-J endpoint per security profile (A00.FR.006: one profile per port). */
  readonly endpoints: Readonly<Record<string, string>>;
}

export interface SutConfig {
  /** Absolute path of the SUT file. */
  readonly file: string;
  readonly name: string;
  readonly description?: string;
  readonly role: SutRole;
  readonly chargePoint?: ChargePointSut;
  readonly centralSystem?: CentralSystemSut;
  readonly idTags: IdTags;
  readonly actuator: ActuatorConfig;
  readonly reference?: { readonly faults: readonly string[]; readonly options: Readonly<Record<string, unknown>> };
  readonly timeouts: { readonly responseMs: number; readonly messageMs: number; readonly operatorMs: number; readonly connectMs: number; readonly stepMs: number };
  readonly tolerances: { readonly intervalMs: number };
  readonly notApplicable: ReadonlyMap<string, string>;
  readonly knownDeviations: ReadonlyMap<string, { readonly reason: string; readonly link?: string }>;
  /** Settings of the load mode, defaults filled in (present whatever the file says). */
  readonly load: LoadConfig;
  /** The file server's settings, defaults filled in (present whatever the file says). */
  readonly fileTransfer: FileTransferConfig;
  /** The SmartCharging cases' settings, defaults filled in (present whatever the file says). */
  readonly smartCharging: SmartChargingConfig;
  /** The security white paper's settings, defaults filled in (present whatever the file says). */
  readonly security: SecurityConfig;
}

export const ALL_PROFILES = ['Core', 'FirmwareManagement', 'LocalAuthListManagement', 'Reservation', 'SmartCharging', 'RemoteTrigger'] as const;

const DEFAULT_ID_TAGS: IdTags = {
  valid: 'VALID-TAG-01', valid2: 'VALID-TAG-02', invalid: 'INVALID-TAG-01', blocked: 'BLOCKED-TAG-01',
  expired: 'EXPIRED-TAG-01', parent: 'PARENT-TAG-01', child: 'CHILD-TAG-01', child2: 'CHILD-TAG-02',
};

// verbose: errors carry the offending value, for the message.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const validateFile = ajv.compile(schema);

/** The one sentence for the most telling schema error. */
function explain(errors: readonly ErrorObject[]): string {
  const useful = errors.filter((e) => !['if', 'oneOf', 'anyOf', 'allOf'].includes(e.keyword));
  const e = useful.find((x) => x.keyword === 'additionalProperties') ?? useful.find((x) => x.keyword === 'required') ?? useful[0] ?? errors[0];
  if (!e) return 'is not a valid SUT file';
  const at = e.instancePath || '(top level)';
  switch (e.keyword) {
    case 'additionalProperties':
      return `has an unknown field "${(e.params as { additionalProperty: string }).additionalProperty}" at ${at}`;
    case 'required':
      return `lacks the required field "${(e.params as { missingProperty: string }).missingProperty}" at ${at}`;
    case 'enum':
      return `has ${at} = ${JSON.stringify(valueAt(e))}, which is not one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
    case 'pattern':
      return /timeouts|tolerances|timeout$|rebootTime$/.test(at)
        ? `has ${at} = ${JSON.stringify(valueAt(e))}, which is not a duration such as "10s" or "500ms"`
        : `has ${at} = ${JSON.stringify(valueAt(e))}, which does not match ${(e.params as { pattern: string }).pattern}`;
    case 'type':
      if (/timeouts|tolerances|timeout$|rebootTime$/.test(at)) return `has ${at}, which is not a duration such as "10s" or "500ms"`;
      return `has ${at} that ${e.message ?? 'has the wrong type'}`;
    default:
      return `has ${at} that ${e.message ?? 'is invalid'}`;
  }
  function valueAt(err: ErrorObject): unknown {
    return (err as ErrorObject & { data?: unknown }).data;
  }
}

function duration(value: unknown, fallbackMs: number): number {
  return parseDuration(value) ?? fallbackMs;
}

/** Reads, validates and normalises a SUT file. Throws ConfigError with one sentence. */
export function loadSutFile(path: string): SutConfig {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot read the SUT file ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`the SUT file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (!validateFile(data)) {
    throw new ConfigError(`the SUT file ${path} ${explain(validateFile.errors ?? [])}`);
  }
  return normalise(file, data as unknown as RawSutFile);
}

interface RawSutFile {
  name: string;
  description?: string;
  role: SutRole;
  chargePoint?: {
    identity: string;
    listen?: { host?: string; port?: number; path?: string };
    security?: ChargePointSut['security'];
    connectors?: number;
    connectorUnderTest?: number;
    fixedCable?: boolean;
    supportedProfiles?: string[];
    configuration?: Record<string, string | number | boolean>;
    options?: Record<string, unknown>;
  };
  centralSystem?: {
    url: string;
    chargePoints?: CentralSystemSut['chargePoints'];
    security?: CentralSystemSut['security'];
    connectors?: number;
    rebootTime?: unknown;
    supportedProfiles?: string[];
    options?: Record<string, unknown>;
  };
  idTags?: Partial<IdTags>;
  actuator?: { type: ActuatorConfig['type']; timeout?: unknown; actions?: Record<string, HttpRequestTemplate>; fallback?: 'prompt' | 'none' };
  reference?: { faults?: string[]; options?: Record<string, unknown> };
  timeouts?: Record<string, unknown>;
  tolerances?: Record<string, unknown>;
  notApplicable?: Array<{ id: string; reason: string }>;
  knownDeviations?: Array<{ id: string; reason: string; link?: string }>;
  load?: {
    chargePoints?: Identities;
    idTags?: Identities;
    heartbeatInterval?: unknown;
    meterValueInterval?: unknown;
    meterValuesPerSession?: number;
    pauseBetweenSessions?: unknown;
    thresholds?: { latency?: Record<string, Record<string, unknown>>; errorRate?: number; chargePointFailureRate?: number };
  };
  smartCharging?: Partial<SmartChargingConfig>;
  security?: {
    profile?: 0 | 1 | 2 | 3;
    profiles?: number[];
    features?: SecurityFeature[];
    pki?: 'generate' | Partial<Record<'centralSystemRoot' | 'manufacturerRoot' | 'firmwareSigning' | 'chargePointCa', { cert: string; key?: string } | undefined>>;
    endpoints?: Record<string, string>;
    cpoName?: string;
    newAuthorizationKey?: string;
    serialNumber?: string;
    host?: string;
    certificateSignedMaxChainSize?: number;
  };
  fileTransfer?: {
    host?: string;
    protocols?: { firmware?: TransferProtocol[]; diagnostics?: TransferProtocol[] };
    ftp?: { user: string; password: string };
    tls?: { cert: string; key: string };
    images?: { valid?: string; invalid?: string };
  };
}

function normaliseLoad(raw: RawSutFile['load'] = {}): LoadConfig {
  const latency = Object.fromEntries(Object.entries(raw.thresholds?.latency ?? {}).map(([action, limits]) => [
    action,
    Object.fromEntries(Object.entries(limits).map(([p, v]) => [p, duration(v, 0)])) as LatencyLimits,
  ]));
  return {
    chargePoints: raw.chargePoints,
    idTags: raw.idTags,
    heartbeatIntervalMs: parseDuration(raw.heartbeatInterval),
    meterValueIntervalMs: duration(raw.meterValueInterval, 10_000),
    meterValuesPerSession: raw.meterValuesPerSession ?? 3,
    pauseBetweenSessionsMs: duration(raw.pauseBetweenSessions, 10_000),
    thresholds: { latency, errorRate: raw.thresholds?.errorRate ?? 0, chargePointFailureRate: raw.thresholds?.chargePointFailureRate ?? 0 },
  };
}

function normaliseFileTransfer(file: string, raw: RawSutFile): FileTransferConfig {
  const section = raw.fileTransfer ?? {};
  const host = section.host ?? '127.0.0.1';
  if (isIP(host) === 0) {
    throw new ConfigError(`the SUT file ${file} has /fileTransfer/host = ${JSON.stringify(host)}, which is not an IP address of this machine the charger can reach`);
  }
  const protocols = { firmware: section.protocols?.firmware ?? ['http'], diagnostics: section.protocols?.diagnostics ?? ['http'] };
  const tls = section.tls ?? raw.chargePoint?.security?.tls;
  for (const kind of ['firmware', 'diagnostics'] as const) {
    if (protocols[kind].includes('https') && !tls) {
      throw new ConfigError(`the SUT file ${file} lists https in /fileTransfer/protocols/${kind} but has no /fileTransfer/tls (certificate and key) to serve it`);
    }
  }
  const images: { valid?: string; invalid?: string } = {};
  for (const kind of ['valid', 'invalid'] as const) {
    const given = section.images?.[kind];
    if (given === undefined) continue;
    const path = resolve(dirname(file), given);
    if (!existsSync(path)) throw new ConfigError(`the SUT file ${file} has /fileTransfer/images/${kind} = ${JSON.stringify(given)}, but there is no file ${path}`);
    images[kind] = path;
  }
  return { host, protocols, ftp: section.ftp, tls, ...(section.images ? { images } : {}) };
}

function normalise(file: string, raw: RawSutFile): SutConfig {
  const timeouts = raw.timeouts ?? {};
  const operatorMs = duration(timeouts['operator'], 120_000);
  const cp = raw.chargePoint;
  const cs = raw.centralSystem;
  const connectors = cp?.connectors ?? cs?.connectors ?? 1;
  if (cp?.connectorUnderTest !== undefined && cp.connectorUnderTest > connectors) {
    throw new ConfigError(`the SUT file ${file} has /chargePoint/connectorUnderTest = ${cp.connectorUnderTest}, but the charger has ${connectors} connector(s)`);
  }
  if (raw.actuator?.type === 'http' && !raw.actuator.actions) {
    throw new ConfigError(`the SUT file ${file} lacks /actuator/actions, which an http actuator needs`);
  }
  const listenHost = cp?.listen?.host ?? '127.0.0.1';
  if (cp && !raw.reference && (cp.listen?.port ?? 0) === 0) {
    throw new ConfigError(`the SUT file ${file} lacks /chargePoint/listen/port: a charger needs a fixed port to connect to`);
  }
  return {
    file,
    name: raw.name,
    description: raw.description,
    role: raw.role,
    chargePoint: cp && {
      identity: cp.identity,
      listen: { host: listenHost, port: cp.listen?.port ?? 0, path: cp.listen?.path ?? '/ocpp' },
      security: cp.security ?? {},
      connectors,
      connectorUnderTest: cp.connectorUnderTest ?? 1,
      fixedCable: cp.fixedCable ?? false,
      supportedProfiles: cp.supportedProfiles ?? ['Core'],
      configuration: Object.fromEntries(Object.entries(cp.configuration ?? {}).map(([k, v]) => [k, String(v)])),
      options: cp.options ?? {},
    },
    centralSystem: cs && {
      url: cs.url.replace(/\/$/, ''),
      chargePoints: cs.chargePoints ?? {},
      security: cs.security ?? {},
      connectors,
      rebootTimeMs: duration(cs.rebootTime, 3_000),
      supportedProfiles: cs.supportedProfiles ?? ['Core'],
      options: cs.options ?? {},
    },
    idTags: forWorker({ ...DEFAULT_ID_TAGS, ...raw.idTags }),
    actuator: {
      type: raw.actuator?.type ?? (raw.reference ? 'reference' : 'prompt'),
      timeoutMs: duration(raw.actuator?.timeout, operatorMs),
      actions: raw.actuator?.actions ?? {},
      fallback: raw.actuator?.fallback ?? 'prompt',
    },
    reference: raw.reference && { faults: raw.reference.faults ?? [], options: raw.reference.options ?? {} },
    timeouts: {
      responseMs: duration(timeouts['response'], 10_000),
      messageMs: duration(timeouts['message'], 30_000),
      operatorMs,
      connectMs: duration(timeouts['connect'], 60_000),
      stepMs: duration(timeouts['step'], 600_000),
    },
    tolerances: { intervalMs: duration(raw.tolerances?.['interval'], 2_000) },
    notApplicable: new Map((raw.notApplicable ?? []).map((n) => [n.id, n.reason])),
    knownDeviations: new Map((raw.knownDeviations ?? []).map((d) => [d.id, { reason: d.reason, link: d.link }])),
    load: normaliseLoad(raw.load),
    fileTransfer: normaliseFileTransfer(file, raw),
    smartCharging: normaliseSmartCharging(raw.smartCharging),
    security: normaliseSecurity(file, raw.security),
  };
}

/** The test case document's TC_073 value: "OCA_OCTT_admin_test" in hex. */
export const DEFAULT_NEW_AUTHORIZATION_KEY = '4F43415F4F4354545F61646D696E5F74657374';

function normaliseSecurity(file: string, raw: RawSutFile['security'] = {}): SecurityConfig {
  const profile = raw.profile ?? 0;
  const profiles = [...new Set([profile, ...(raw.profiles ?? [])])].sort((a, b) => a - b);
  let pki: SecurityConfig['pki'] = 'generate';
  if (raw.pki !== undefined && raw.pki !== 'generate') {
    const read = (field: 'cert' | 'key', name: string, given: string): string => {
      const path = resolve(dirname(file), given);
      try {
        return readFileSync(path, 'utf8');
      } catch {
        throw new ConfigError(`the SUT file ${file} has /security/pki/${name}/${field} = ${JSON.stringify(given)}, but there is no readable file ${path}`);
      }
    };
    const out: Record<string, PemPair> = {};
    for (const [name, pair] of Object.entries(raw.pki)) {
      if (!pair) continue;
      const cert = read('cert', name, pair.cert);
      if (!cert.includes('-----BEGIN CERTIFICATE-----')) throw new ConfigError(`the SUT file ${file} has /security/pki/${name}/cert = ${JSON.stringify(pair.cert)}, which is not a PEM certificate`);
      const key = pair.key === undefined ? undefined : read('key', name, pair.key);
      if (key !== undefined && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) throw new ConfigError(`the SUT file ${file} has /security/pki/${name}/key = ${JSON.stringify(pair.key)}, which is not a PEM private key`);
      out[name] = { certFile: resolve(dirname(file), pair.cert), cert, ...(key === undefined ? {} : { keyFile: resolve(dirname(file), pair.key!), key }) };
    }
    pki = out;
  }
  return {
    profile, profiles, features: raw.features ?? [], pki,
    cpoName: raw.cpoName ?? 'OCPP Conformance Test CPO',
    newAuthorizationKey: raw.newAuthorizationKey ?? DEFAULT_NEW_AUTHORIZATION_KEY,
    ...(raw.serialNumber === undefined ? {} : { serialNumber: raw.serialNumber }),
    host: raw.host ?? '127.0.0.1',
    ...(raw.certificateSignedMaxChainSize === undefined ? {} : { certificateSignedMaxChainSize: raw.certificateSignedMaxChainSize }),
    endpoints: raw.endpoints ?? {},
  };
}

function normaliseSmartCharging(raw: RawSutFile['smartCharging'] = {}): SmartChargingConfig {
  const chargingRateUnit = raw.chargingRateUnit ?? 'A';
  return {
    chargingRateUnit,
    numberPhases: raw.numberPhases ?? 3,
    stackLevel: raw.stackLevel ?? 0,
    duration: raw.duration ?? 300,
    maxTimeDeviation: raw.maxTimeDeviation ?? 5,
    ...(raw.localLimit === undefined ? {} : { localLimit: raw.localLimit }),
    lineVoltage: raw.lineVoltage ?? 230,
    limitTolerance: raw.limitTolerance ?? (chargingRateUnit === 'W' ? 1 : 0.1),
  };
}

/** The supported profiles of the SUT, whatever its role. */
export function supportedProfiles(sut: SutConfig): readonly string[] {
  return sut.chargePoint?.supportedProfiles ?? sut.centralSystem?.supportedProfiles ?? ['Core'];
}

/** Replaces `{worker}` in the idTags by this parallel worker's number (see the schema's `idTags`). */
function forWorker(tags: IdTags): IdTags {
  const worker = process.env['CUCUMBER_WORKER_ID'] ?? '0';
  return Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, String(v).replace(/\{worker\}/g, worker)])) as unknown as IdTags;
}

/** What a Central System under test declares in `centralSystem.options` (documented in the SUT file schema). */
export interface CentralSystemClaims {
  /** It answers ConcurrentTx for a tag already in a running transaction. */
  readonly concurrentTx: boolean;
  /** SHOULD behaviours it claims to implement, checked as SHALL. */
  readonly recommendations: readonly string[];
}

export function centralSystemClaims(sut: SutConfig): CentralSystemClaims {
  const options = sut.centralSystem?.options ?? {};
  return {
    concurrentTx: options['concurrentTx'] === true,
    recommendations: Array.isArray(options['recommendations']) ? (options['recommendations'] as string[]) : [],
  };
}
