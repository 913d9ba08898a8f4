/**
 * The order of the status notifications of a firmware update (OCPP 1.6 §4.5, §5.19, errata §3.47) and of a
 * diagnostics upload (§4.4, §5.9, errata §3.31), as the sequence diagrams give it: Downloading → Downloaded →
 * Installing → Installed, or DownloadFailed after Downloading, InstallationFailed after Installing; Uploading →
 * Uploaded or UploadFailed. Idle is never part of it: a Charge Point sends Idle only in answer to a TriggerMessage.req.
 * Pure logic, free of sockets and Cucumber.
 */
export type StatusKind = 'firmware' | 'diagnostics';

/** The statuses that may follow each one (`''`: the first notification); a status may repeat (a retry). */
const NEXT: Record<StatusKind, Readonly<Record<string, readonly string[]>>> = {
  firmware: {
    '': ['Downloading', 'DownloadFailed'],
    Downloading: ['Downloading', 'Downloaded', 'DownloadFailed'],
    Downloaded: ['Installing', 'InstallationFailed'],
    Installing: ['Installing', 'Installed', 'InstallationFailed'],
  },
  diagnostics: {
    '': ['Uploading'],
    Uploading: ['Uploading', 'Uploaded', 'UploadFailed'],
  },
};

/** 'ok' when `status` may follow `previous` (undefined: the first of the update), else why not. */
export function nextTransferStatus(kind: StatusKind, previous: string | undefined, status: string): 'ok' | string {
  if (status === 'Idle') return 'Idle is only sent in answer to a TriggerMessage.req, when nothing is under way (§4.4, §4.5)';
  const allowed = NEXT[kind][previous ?? ''];
  if (!allowed) return `nothing follows "${previous}", which ends the ${kind === 'firmware' ? 'update' : 'upload'}`;
  if (allowed.includes(status)) return 'ok';
  return `the next status is ${allowed.map((s) => `"${s}"`).join(' or ')}`;
}
