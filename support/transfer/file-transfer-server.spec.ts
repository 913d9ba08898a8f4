import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FileTransferServer, fileTransferServerOptions } from './file-transfer-server';
import { downloadFile, TransferFailed, uploadFile } from './transfer-client';
import { WaitTimeout } from '../recording/mailbox';
import { Readable } from 'node:stream';
import { Client, FTPError } from 'basic-ftp';

const firmware = Buffer.from('FIRMWARE-1.2.3\n'.repeat(1000));
const cert = join(__dirname, '..', 'roles', 'testdata', 'localhost-cert.pem');
const key = join(__dirname, '..', 'roles', 'testdata', 'localhost-key.pem');

async function started(options: ConstructorParameters<typeof FileTransferServer>[0] = {}): Promise<FileTransferServer> {
  const server = new FileTransferServer({ files: { 'firmware.bin': firmware }, ...options });
  await server.start();
  return server;
}

async function refusal(promise: Promise<unknown>): Promise<TransferFailed> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof TransferFailed, String(e));
    return e;
  }
  assert.fail('the transfer should have failed');
}

test('HTTP: the firmware is served and the download recorded', async () => {
  const server = await started();
  try {
    const url = server.url('http', 'firmware.bin');
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/firmware\.bin$/);
    assert.deepEqual(await downloadFile(url), firmware);
    const download = await server.waitForDownload('firmware.bin', 1000);
    assert.equal(download.protocol, 'http');
    assert.equal(download.bytes, firmware.length);
    assert.match(download.remote, /^127\.0\.0\.1:\d+$/);
    assert.ok(download.endedAt && download.endedAt >= download.startedAt);
  } finally {
    await server.stop();
  }
});

test('HTTP: an upload (PUT, and multipart POST) is received with its name and size, also into a directory', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wpt-uploads-'));
  const server = await started({ uploadDirectory: dir });
  try {
    await uploadFile(server.url('http'), 'diag-20261203.zip', 'DIAGNOSTICS');
    const upload = await server.waitForUpload('diag-20261203.zip', 1000);
    assert.deepEqual({ protocol: upload.protocol, bytes: upload.bytes, path: upload.path }, { protocol: 'http', bytes: 11, path: '/diagnostics/diag-20261203.zip' });
    assert.equal(upload.content?.toString(), 'DIAGNOSTICS');
    assert.equal(readFileSync(join(dir, 'diag-20261203.zip'), 'utf8'), 'DIAGNOSTICS');

    const boundary = 'XyZ';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="multi.log"\r\nContent-Type: text/plain\r\n\r\nLINE1\r\nLINE2\r\n--${boundary}--\r\n`;
    const res = await fetch(server.url('http'), { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
    assert.equal(res.status, 200);
    const multi = await server.waitForUpload('multi.log', 1000);
    assert.equal(multi.content?.toString(), 'LINE1\r\nLINE2');
  } finally {
    await server.stop();
  }
});

test('HTTPS: served from the given certificate and key', async () => {
  const server = await started({ tls: { certFile: cert, keyFile: key }, protocols: ['https'] });
  try {
    assert.deepEqual(await downloadFile(server.url('https', 'firmware.bin'), { ca: readFileSync(cert) }), firmware);
    await uploadFile(server.url('https'), 'd.txt', 'x', { ca: readFileSync(cert) });
    assert.equal((await server.waitForUpload('d.txt', 1000)).protocol, 'https');
  } finally {
    await server.stop();
  }
});

test('FTP: RETR of the firmware and STOR of a diagnostics file, with user:password in the URL', async () => {
  const server = await started({ ftpCredentials: { user: 'charger', password: 's3cret' } });
  try {
    const url = server.url('ftp', 'firmware.bin');
    assert.match(url, /^ftp:\/\/charger:s3cret@127\.0\.0\.1:\d+\/firmware\.bin$/);
    assert.deepEqual(await downloadFile(url), firmware);
    assert.equal((await server.waitForDownload('firmware.bin', 1000)).protocol, 'ftp');
    await uploadFile(server.url('ftp'), 'diag.tar.gz', Buffer.alloc(70_000, 7));
    const upload = await server.waitForUpload('diag.tar.gz', 1000);
    assert.deepEqual({ protocol: upload.protocol, bytes: upload.bytes, path: upload.path }, { protocol: 'ftp', bytes: 70_000, path: '/diagnostics/diag.tar.gz' });
  } finally {
    await server.stop();
  }
});

test('refusing URLs refuse: HTTP 404, FTP login refused, FTP file not found, connection refused', async () => {
  const server = await started();
  try {
    assert.equal((await refusal(downloadFile(await server.refusingUrl('http', 'not-found')))).code, 404);
    assert.equal((await refusal(uploadFile(await server.refusingUrl('http', 'not-found'), 'd.zip', 'x'))).code, 404);
    assert.equal((await refusal(downloadFile(await server.refusingUrl('ftp', 'login-refused')))).code, 530);
    assert.equal((await refusal(downloadFile(await server.refusingUrl('ftp', 'not-found')))).code, 551);
    assert.match((await refusal(downloadFile(await server.refusingUrl('http', 'connection-refused')))).reason, /connection refused/);
    assert.match((await refusal(downloadFile(await server.refusingUrl('ftp', 'connection-refused')))).reason, /connection refused/);
    assert.match((await refusal(downloadFile(server.url('http', 'other.bin')))).message, /HTTP 404/);
    const outcomes = server.transfers.all().map((t) => `${t.protocol} ${t.outcome}`);
    assert.deepEqual(outcomes, ['http refused', 'http refused', 'ftp refused', 'ftp not-found', 'http not-found']);
  } finally {
    await server.stop();
  }
});

test('a wait that times out says what it awaited, for how long, and what arrived instead', async () => {
  const server = await started();
  try {
    await uploadFile(server.url('http'), 'wrong-name.zip', 'x');
    const started = performance.now();
    await assert.rejects(server.waitForUpload('expected.zip', 200), (e: unknown) => {
      assert.ok(e instanceof WaitTimeout);
      assert.match(e.message, /waited 0\.\d s for a completed upload of "expected\.zip" on the harness's file server/);
      assert.match(e.message, /HTTP upload of "wrong-name\.zip" \(1 bytes\) from 127\.0\.0\.1:\d+: completed/);
      return true;
    });
    assert.ok(performance.now() - started < 1000);
    await assert.rejects(server.waitForDownload('firmware.bin', 50), /nothing arrived meanwhile|wrong-name/);
  } finally {
    await server.stop();
  }
});

test('stop() frees the ports and does not hang with a client still connected', async () => {
  const server = await started({ stopGraceMs: 200 });
  const httpPort = Number(new URL(server.url('http')).port);
  const ftpPort = Number(new URL(server.url('ftp')).port);
  const idle = [connect(httpPort, '127.0.0.1'), connect(ftpPort, '127.0.0.1')];
  await Promise.all(idle.map((s) => new Promise((ok) => s.once('connect', ok))));
  for (const s of idle) s.on('error', () => undefined);
  // An HTTP upload left half-sent.
  const half = connect(httpPort, '127.0.0.1');
  half.on('error', () => undefined);
  await new Promise((ok) => half.once('connect', ok));
  half.write('PUT /diagnostics/half.zip HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc');
  await new Promise((ok) => setTimeout(ok, 50));
  const t0 = performance.now();
  const report = await server.stop();
  assert.ok(performance.now() - t0 < 2000, `stop took ${performance.now() - t0} ms`);
  assert.ok(report.destroyed >= 2, JSON.stringify(report));
  assert.equal(server.transfers.all().find((t) => t.path === '/diagnostics/half.zip')?.outcome, 'failed');
  for (const port of [httpPort, ftpPort]) {
    const probe = connect(port, '127.0.0.1');
    await assert.rejects(new Promise((ok, ko) => { probe.once('connect', ok); probe.once('error', ko); }), /ECONNREFUSED/);
  }
  for (const s of [...idle, half]) s.destroy();
});

test('a SUT file\'s fileTransfer section gives the server its host, protocols and FTP login', async () => {
  const options = fileTransferServerOptions({ host: '127.0.0.1', protocols: { firmware: ['http'], diagnostics: ['ftp', 'http'] }, ftp: { user: 'cp', password: 'pw' } });
  assert.deepEqual(options.protocols, ['http', 'ftp']);
  const server = await started(options);
  try {
    assert.match(server.url('ftp'), /^ftp:\/\/cp:pw@127\.0\.0\.1:\d+\/diagnostics\/$/);
    assert.throws(() => server.url('https'), /does not serve https/);
  } finally {
    await server.stop();
  }
});

test('FTP: a charger that changes into the location and stores a relative name; active mode is refused', async () => {
  const server = await started({ ftpCredentials: { user: 'cp', password: 'pw' } });
  const client = new Client(2000);
  try {
    await client.access({ host: '127.0.0.1', port: Number(new URL(server.url('ftp')).port), user: 'cp', password: 'pw' });
    await client.cd('/diagnostics');
    await client.uploadFrom(Readable.from([Buffer.from('LOG')]), 'relative.log');
    assert.equal((await server.waitForUpload('relative.log', 1000)).bytes, 3);
    // Passive data ports are on the configured host; the server never dials out (PORT/EPRT refused).
    const pasv = await client.send('PASV');
    assert.match(pasv.message, /\(127,0,0,1,\d+,\d+\)/);
    await assert.rejects(client.send('PORT 127,0,0,1,4,1'), (e: unknown) => e instanceof FTPError && e.code === 502);
  } finally {
    client.close();
    await server.stop();
  }
});

test('the client gives up at its one deadline, naming it, against a server that never answers', async () => {
  const held: import('node:net').Socket[] = [];
  const silent = createServer((socket) => {
    held.push(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((ok) => silent.listen(0, '127.0.0.1', ok));
  const port = (silent.address() as { port: number }).port;
  try {
    const t0 = performance.now();
    assert.match((await refusal(downloadFile(`ftp://u:secret@127.0.0.1:${port}/f.bin`, { timeoutMs: 300 }))).message, /ftp:\/\/u:\*\*\*@127\.0\.0\.1:\d+\/f\.bin failed: not complete within 300 ms/);
    assert.match((await refusal(downloadFile(`http://127.0.0.1:${port}/f.bin`, { timeoutMs: 300 }))).reason, /no complete answer within 300 ms/);
    assert.ok(performance.now() - t0 < 2000);
  } finally {
    for (const socket of held) socket.destroy();
    await new Promise((ok) => silent.close(ok));
  }
});

test('an IPv6 host: locations in brackets, FTP over EPSV', async () => {
  const server = new FileTransferServer({ host: '::1', files: { 'f.bin': 'abc' } });
  await server.start();
  try {
    assert.match(server.url('ftp', 'f.bin'), /^ftp:\/\/ocpp:[^@]+@\[::1\]:\d+\/f\.bin$/);
    assert.equal((await downloadFile(server.url('ftp', 'f.bin'))).toString(), 'abc');
    await uploadFile(server.url('http'), 'u.txt', 'zz');
    assert.match((await server.waitForUpload('u.txt', 1000)).remote, /^\[::1\]:\d+$/);
  } finally {
    await server.stop();
  }
});

test('an upload past the limit is cut off and recorded failed (HTTP and FTP)', async () => {
  const server = await started({ maxUploadBytes: 1000 });
  try {
    await refusal(uploadFile(server.url('http'), 'big.zip', Buffer.alloc(200_000, 1)));
    await refusal(uploadFile(server.url('ftp'), 'big.tgz', Buffer.alloc(200_000, 1)));
    const outcomes = server.transfers.all().map((t) => `${t.protocol} ${t.name} ${t.outcome} ${t.detail ?? ''}`);
    assert.equal(outcomes.length, 2, outcomes.join('\n'));
    for (const line of outcomes) assert.match(line, /failed the upload passed 1000 bytes/);
    await assert.rejects(server.waitForUpload(undefined, 50), /big\.zip.*failed[\s\S]*big\.tgz.*failed/);
  } finally {
    await server.stop();
  }
});
