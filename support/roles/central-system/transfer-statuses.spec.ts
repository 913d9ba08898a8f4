import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextTransferStatus } from './transfer-statuses';

const walk = (kind: 'firmware' | 'diagnostics', statuses: string[]): string[] =>
  statuses.map((s, i) => nextTransferStatus(kind, i === 0 ? undefined : statuses[i - 1], s));

test('firmware: the sequence of §5.19 and its failures are legal; a skipped Downloaded, Idle and anything after Installed are not', () => {
  assert.ok(walk('firmware', ['Downloading', 'Downloaded', 'Installing', 'Installed']).every((v) => v === 'ok'));
  assert.ok(walk('firmware', ['Downloading', 'Downloading', 'DownloadFailed']).every((v) => v === 'ok'));
  assert.ok(walk('firmware', ['Downloading', 'Downloaded', 'InstallationFailed']).every((v) => v === 'ok'));
  assert.match(nextTransferStatus('firmware', 'Downloading', 'Installing'), /"Downloaded"/);
  assert.match(nextTransferStatus('firmware', 'Installed', 'Idle'), /TriggerMessage/);
  assert.match(nextTransferStatus('firmware', 'Installed', 'Downloading'), /ends the update/);
  assert.match(nextTransferStatus('firmware', undefined, 'Installed'), /the next status is "Downloading" or "DownloadFailed"/);
});

test('diagnostics: Uploading then Uploaded or UploadFailed; Uploaded without Uploading and Idle are not', () => {
  assert.ok(walk('diagnostics', ['Uploading', 'Uploaded']).every((v) => v === 'ok'));
  assert.ok(walk('diagnostics', ['Uploading', 'UploadFailed']).every((v) => v === 'ok'));
  assert.notEqual(nextTransferStatus('diagnostics', undefined, 'Uploaded'), 'ok');
  assert.notEqual(nextTransferStatus('diagnostics', 'Uploading', 'Idle'), 'ok');
});
