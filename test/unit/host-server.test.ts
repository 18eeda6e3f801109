import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OP_NAMES } from '../../src/shared/api';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/security';
import {
  EXPORT_KEEP_MS,
  removeStaleExports,
  sessionCookieName,
  startHost,
  TOKEN_HEADER,
  type RunningHost,
} from '../../src/host/server';

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

/** Header and request timeout of the host under test: short, so slow clients are seen to be dropped. */
const SHORT_MS = 800;

interface RawReply {
  text: string;
  /** Milliseconds from sending until the server closed the connection. */
  closedAfter: number;
}

/** Writes bytes on a bare TCP socket and collects everything until the server closes it. */
function rawSocket(data: string): Promise<RawReply> {
  const { port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(data));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () =>
      resolve({ text: Buffer.concat(chunks).toString('utf8'), closedAfter: Date.now() - started }),
    );
  });
}

/** The host still serves its page: no request may have ended the process or the server. */
async function expectAlive(): Promise<void> {
  const page = await request('GET', '/', { host: hostHeader() });
  expect(page.status).toBe(200);
  expect(page.body).toContain('Lägesbild');
}

const hostHeader = () => new URL(host.origin).host;
/** The cookie the first load of the printed address sets. */
const sessionCookie = () => `${sessionCookieName(Number(new URL(host.origin).port))}=${host.token}`;
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
  host = await startHost({
    dataDir,
    rendererDir,
    demoRows: 300,
    headersTimeoutMs: SHORT_MS,
    requestTimeoutMs: SHORT_MS,
  });
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

  it('lämnar ut en export bara med sessionskakan, och adressen bär ingen nyckel', async () => {
    const res = JSON.parse((await api('incidents.export', { format: 'csv' })).body) as {
      ok: true;
      value: { downloadUrl: string; rows: number };
    };
    expect(res.value.rows).toBe(300);
    expect(res.value.downloadUrl).toMatch(/^\/download\/[0-9a-f]+$/);
    const withoutCookie = await request('GET', res.value.downloadUrl, { host: hostHeader() });
    expect(withoutCookie.status).toBe(401);
    const tokenInQuery = await request('GET', `${res.value.downloadUrl}?token=${host.token}`, { host: hostHeader() });
    expect(tokenInQuery.status).toBe(401);
    const withCookie = await request('GET', res.value.downloadUrl, { host: hostHeader(), cookie: sessionCookie() });
    expect(withCookie.status).toBe(200);
    expect(withCookie.body.split('\r\n').filter(Boolean)).toHaveLength(301);
    // Downloaded once, then gone from the data folder.
    expect((await request('GET', res.value.downloadUrl, { host: hostHeader(), cookie: sessionCookie() })).status).toBe(
      404,
    );
    // (Exports other tests made and never downloaded wait for the day-old cleanup.)
    const id = res.value.downloadUrl.split('/').pop()!;
    expect(fs.readdirSync(path.join(dataDir, 'exports')).filter((n) => n.startsWith(id))).toEqual([]);
  });

  it('tar bort exporter som ingen hämtat efter ett dygn', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-exports-'));
    const old = path.join(dir, 'gammal.csv');
    const fresh = path.join(dir, 'ny.csv');
    fs.writeFileSync(old, 'a');
    fs.writeFileSync(fresh, 'b');
    const now = Date.now();
    fs.utimesSync(old, new Date(now - EXPORT_KEEP_MS - 60_000), new Date(now - EXPORT_KEEP_MS - 60_000));
    expect(removeStaleExports(dir, now)).toBe(1);
    expect(fs.readdirSync(dir)).toEqual(['ny.csv']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('webbläsarvärden tål trasiga och långsamma klienter', () => {
  it('svarar 400 på trasiga procentkoder och lever vidare', async () => {
    for (const target of ['/%ff', '/%E0%A4%A', '/api/%ff', '/rapporter/%00']) {
      const reply = await request('GET', target, { host: hostHeader() });
      expect(reply.status, target).toBe(400);
      expect(JSON.parse(reply.body), target).toEqual({
        ok: false,
        error: { code: 'validation', message: 'Ogiltig adress.' },
      });
      await expectAlive();
    }
    const post = await api('%ff', {});
    expect(post.status).toBe(400);
    await expectAlive();
  }, 10_000);

  it('svarar 400 på en nedladdningsadress med trasig procentkod', async () => {
    const res = JSON.parse((await api('incidents.export', { format: 'csv' })).body) as {
      ok: true;
      value: { downloadUrl: string };
    };
    const bad = `${res.value.downloadUrl}%ff`;
    expect((await request('GET', bad, { host: hostHeader(), cookie: sessionCookie() })).status).toBe(400);
    await expectAlive();
    const good = await request('GET', res.value.downloadUrl, { host: hostHeader(), cookie: sessionCookie() });
    expect(good.status).toBe(200);
  });

  it('svarar 400 på en trasig förfrågningsrad över en rå socket och stänger den', async () => {
    const reply = await rawSocket('GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(reply.text).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply.text).toContain('Ogiltig förfrågan.');
    const garbage = await rawSocket('\u0000\u00ff nonsens\r\n\r\n');
    expect(garbage.text).toMatch(/^HTTP\/1\.1 400 /);
    await expectAlive();
  });

  it('svarar 408 och stänger när en POST-kropp aldrig blir färdig', async () => {
    const reply = await rawSocket(
      `POST /api/app.info HTTP/1.1\r\nHost: ${hostHeader()}\r\n${TOKEN_HEADER}: ${host.token}\r\n` +
        'content-type: application/json\r\ncontent-length: 100\r\n\r\n{"a":',
    );
    expect(reply.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(reply.text).toContain('Förfrågan tog för lång tid.');
    expect(reply.closedAfter).toBeGreaterThanOrEqual(SHORT_MS - 50);
    expect(reply.closedAfter).toBeLessThan(SHORT_MS + 1500);
    await expectAlive();
    expect((await api('app.info', {})).status).toBe(200);
  }, 10_000);

  it('svarar 408 och stänger när huvudena aldrig blir färdiga', async () => {
    const reply = await rawSocket(`GET / HTTP/1.1\r\nHost: ${hostHeader()}\r\nx-slow: `);
    expect(reply.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(reply.closedAfter).toBeLessThan(SHORT_MS + 1500);
    await expectAlive();
  }, 10_000);

  it('håller händelseströmmen öppen längre än tidsgränserna', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(new URL(host.origin).port), '127.0.0.1', () =>
        socket.write(`GET /api/events HTTP/1.1\r\nHost: ${hostHeader()}\r\nCookie: ${sessionCookie()}\r\n\r\n`),
      );
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString('utf8')));
      socket.on('error', reject);
      socket.on('close', () => reject(new Error(`stängd: ${text}`)));
      setTimeout(() => {
        socket.removeAllListeners('close');
        socket.destroy();
        resolve(text);
      }, SHORT_MS * 2.5);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
    expect(reply).toContain(': ansluten');
    expect(reply).not.toContain('408');
  }, 10_000);
});

describe('webbläsarvärdens sessionskaka', () => {
  it('byter adressens nyckel mot en HttpOnly SameSite=Strict-kaka och skickar vidare utan nyckeln', async () => {
    const first = await request('GET', `/?token=${encodeURIComponent(host.token)}&vy=1`, { host: hostHeader() });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/?vy=1');
    const setCookie = first.headers['set-cookie'] ?? [];
    expect(setCookie).toHaveLength(1);
    expect(setCookie[0]).toBe(`${sessionCookie()}; HttpOnly; SameSite=Strict; Path=/`);
    const plain = await request('GET', `/?token=${encodeURIComponent(host.token)}`, { host: hostHeader() });
    expect(plain.headers.location).toBe('/');
    // A wrong key is dropped from the address too, but gives no cookie.
    const wrong = await request('GET', `/?token=${'x'.repeat(host.token.length)}`, { host: hostHeader() });
    expect(wrong.status).toBe(303);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('tar emot kakan eller huvudet för operationer, men inte en nyckel i adressen', async () => {
    const withCookie = await request('POST', '/api/app.info', { host: hostHeader(), cookie: sessionCookie() }, '{}');
    expect(withCookie.status).toBe(200);
    const wrongCookie = await request(
      'POST',
      '/api/app.info',
      { host: hostHeader(), cookie: `${sessionCookie()}x` },
      '{}',
    );
    expect(wrongCookie.status).toBe(401);
    const inQuery = await request('POST', `/api/app.info?token=${host.token}`, { host: hostHeader() }, '{}');
    expect(inQuery.status).toBe(401);
    const events = await request('GET', `/api/events?token=${host.token}`, { host: hostHeader() });
    expect(events.status).toBe(401);
    // The cookie does not open the door for another site either.
    const foreign = await request(
      'POST',
      '/api/app.info',
      { host: hostHeader(), cookie: sessionCookie(), origin: 'http://evil.example' },
      '{}',
    );
    expect(foreign.status).toBe(403);
  });
});

describe('webbläsarvärden använder bara datamappen och tillagda mappar', () => {
  let outside: string;
  const failure = async (op: string, body: unknown) => {
    const reply = await api(op, body);
    return { body: reply.body, error: (JSON.parse(reply.body) as { error?: { code: string; message: string } }).error };
  };

  beforeAll(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-utanfor-'));
  });
  afterAll(async () => {
    await api('db.openDemo', {});
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('visar ingen rad ur /etc/passwd', async () => {
    const { body, error } = await failure('imports.preview', { path: '/etc/passwd' });
    expect(error?.code).toBe('forbidden_path');
    expect(error?.message).toContain('/etc/passwd');
    expect(error?.message).toContain(dataDir);
    for (const line of fs.readFileSync('/etc/passwd', 'utf8').split('\n').filter(Boolean)) {
      expect(body).not.toContain(line.split(':')[0] + ':');
    }
  });

  it('skapar ingen databas utanför och ingen med relativ sökväg', async () => {
    const file = path.join(outside, 'ny.sqlite');
    expect((await failure('db.create', { path: file })).error?.code).toBe('forbidden_path');
    expect((await failure('db.open', { path: file })).error?.code).toBe('forbidden_path');
    expect(fs.existsSync(file)).toBe(false);
    const relative = `lagesbild-relativ-${process.pid}.sqlite`;
    const refused = await failure('db.create', { path: relative });
    expect(refused.error?.code).toBe('forbidden_path');
    expect(refused.error?.message).toContain('hela sökvägen');
    expect(fs.existsSync(path.resolve(relative))).toBe(false);
  });

  it('släpper inte ut genom .. eller en symbolisk länk', async () => {
    const dotdot = path.join(dataDir, '..', path.basename(outside), 'a.sqlite');
    expect((await failure('db.create', { path: dotdot })).error?.code).toBe('forbidden_path');
    fs.symlinkSync(outside, path.join(dataDir, 'genvag'));
    const viaLink = path.join(dataDir, 'genvag', 'b.sqlite');
    expect((await failure('db.create', { path: viaLink })).error?.code).toBe('forbidden_path');
    fs.symlinkSync(path.join(outside, 'c.sqlite'), path.join(dataDir, 'trasig.sqlite'));
    expect((await failure('db.create', { path: path.join(dataDir, 'trasig.sqlite') })).error?.code).toBe(
      'forbidden_path',
    );
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('använder filer i en tillagd mapp, och inte längre när mappen tagits bort', async () => {
    const missing = await failure('folders.add', { path: path.join(outside, 'finns-inte') });
    expect(missing.error).toMatchObject({ code: 'validation', message: expect.stringContaining('finns inte') });
    fs.writeFileSync(path.join(outside, 'fil.txt'), 'x');
    const notDir = await failure('folders.add', { path: path.join(outside, 'fil.txt') });
    expect(notDir.error).toMatchObject({ code: 'validation', message: expect.stringContaining('inte en mapp') });
    const added = JSON.parse((await api('folders.add', { path: outside })).body) as { value: { folders: string[] } };
    expect(added.value.folders).toEqual([fs.realpathSync(outside)]);
    const file = path.join(outside, 'kommun.sqlite');
    const created = JSON.parse((await api('db.create', { path: file })).body) as { ok: boolean };
    expect(created.ok).toBe(true);
    expect(fs.existsSync(file)).toBe(true);
    fs.copyFileSync(path.resolve(__dirname, '../fixtures/imports/est-export.csv'), path.join(outside, 'est.csv'));
    const preview = JSON.parse((await api('imports.preview', { path: path.join(outside, 'est.csv') })).body) as {
      ok: boolean;
    };
    expect(preview.ok).toBe(true);
    const removed = JSON.parse((await api('folders.remove', { path: fs.realpathSync(outside) })).body) as {
      value: { folders: string[] };
    };
    expect(removed.value.folders).toEqual([]);
    expect((await failure('db.open', { path: file })).error?.code).toBe('forbidden_path');
  });
});
