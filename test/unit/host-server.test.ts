import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OP_NAMES } from '../../src/shared/api';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/security';
import { startHost, TOKEN_HEADER, type RunningHost } from '../../src/host/server';

let host: RunningHost;
let dataDir: string;
let rendererDir: string;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw HTTP, so the test can send any Host and Origin header it likes. */
function request(method: string, pathName: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  const { port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: pathName, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const hostHeader = () => new URL(host.origin).host;
const api = (op: string, body: unknown, extra: Record<string, string> = {}) =>
  request(
    'POST',
    `/api/${op}`,
    { host: hostHeader(), 'content-type': 'application/json', [TOKEN_HEADER]: host.token, ...extra },
    JSON.stringify(body),
  );

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-host-'));
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Lägesbild</title>');
  host = await startHost({ dataDir, rendererDir, demoRows: 300 });
  await host.workspace.ready();
});

afterAll(async () => {
  await host.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

describe('webbläsarvärden', () => {
  it('lyssnar bara på 127.0.0.1 och ger en adress med sessionsnyckel', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/?token=${encodeURIComponent(host.token)}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('svarar på varje operation i kontraktet med ett Result-värde', async () => {
    for (const op of OP_NAMES) {
      const reply = await api(op, {});
      const parsed = JSON.parse(reply.body) as { ok: boolean; error?: { code: string } };
      expect(reply.status, op).toBe(200);
      expect(typeof parsed.ok, op).toBe('boolean');
    }
    const info = JSON.parse((await api('app.info', {})).body) as { ok: true; value: { incidentCount: number } };
    expect(info.value.incidentCount).toBe(300);
  });

  it('nekar utan eller med fel sessionsnyckel', async () => {
    const missing = await request('POST', '/api/app.info', { host: hostHeader() }, '{}');
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'Ogiltig sessionsnyckel.' },
    });
    const wrong = await api('app.info', {}, { [TOKEN_HEADER]: 'x'.repeat(host.token.length) });
    expect(wrong.status).toBe(401);
    const events = await request('GET', '/api/events', { host: hostHeader() });
    expect(events.status).toBe(401);
  });

  it('nekar främmande Host och Origin (DNS-rebinding, andra webbplatser)', async () => {
    expect((await api('app.info', {}, { host: 'evil.example' })).status).toBe(403);
    expect((await api('app.info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('app.info', {}, { origin: host.origin })).status).toBe(200);
  });

  it('ger valideringsfel på svenska och tål trasig JSON', async () => {
    const bad = JSON.parse((await api('incidents.get', { id: -1 })).body) as { ok: false; error: { code: string } };
    expect(bad.error.code).toBe('validation');
    const broken = await request('POST', '/api/app.info', { host: hostHeader(), [TOKEN_HEADER]: host.token }, '{nope');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.message).toBe('Förfrågan är inte giltig JSON.');
    const unknown = JSON.parse((await api('sql.run', {})).body) as { ok: false; error: { code: string } };
    expect(unknown.error.code).toBe('unsupported');
  });

  it('serverar gränssnittet med CSP och bara filer inom sin mapp', async () => {
    const page = await request('GET', '/', { host: hostHeader() });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.body).toContain('Lägesbild');
    const escape = await request('GET', '/../../etc/passwd', { host: hostHeader() });
    expect(escape.body).not.toContain('root:');
  });

  it('lämnar ut en export bara med sessionsnyckel', async () => {
    const res = JSON.parse((await api('incidents.export', { format: 'csv' })).body) as {
      ok: true;
      value: { downloadUrl: string; rows: number };
    };
    expect(res.value.rows).toBe(300);
    const withToken = await request('GET', res.value.downloadUrl, { host: hostHeader() });
    expect(withToken.status).toBe(200);
    expect(withToken.body.split('\r\n').filter(Boolean)).toHaveLength(301);
    const withoutToken = await request('GET', res.value.downloadUrl.replace(/\?token=.*/, ''), { host: hostHeader() });
    expect(withoutToken.status).toBe(404);
  });
});
