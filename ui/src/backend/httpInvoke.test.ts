// @vitest-environment node
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendOver } from './Backend';
import { httpInvoke } from './httpInvoke';

type Seen = { method?: string; url?: string; contentType?: string; body: string };

/** A real loopback server standing in for the engine's HTTP bridge. */
function startBridge(handle: (seen: Seen, res: ServerResponse) => void): Promise<{ server: Server; baseUrl: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const request = { method: req.method, url: req.url, contentType: req.headers['content-type'], body };
      seen.push(request);
      handle(request, res);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, baseUrl: `http://127.0.0.1:${port}`, seen });
    });
  });
}

function reply(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
}

describe('HTTP backend', () => {
  let bridge: Awaited<ReturnType<typeof startBridge>>;

  beforeAll(async () => {
    bridge = await startBridge((request, res) => {
      if (request.url === '/api/add_shop') {
        reply(res, 422, JSON.stringify({ code: 'validation', message: 'base_url: must be an https URL' }));
      } else if (request.url === '/api/list_shops') {
        reply(res, 200, '[]');
      } else if (request.url === '/api/get_order') {
        reply(res, 502, '<html>Bad gateway</html>');
      } else {
        reply(res, 500, JSON.stringify({ code: 'no_such_code', message: 'boom' }));
      }
    });
  });

  afterAll(() => new Promise<void>((resolve) => bridge.server.close(() => resolve())));

  it('rejects with the ApiError that a non-2xx response carries', async () => {
    const backend = backendOver(httpInvoke(bridge.baseUrl));
    const input = { name: 'Shop', base_url: 'ftp://x', credentials: { platform: 'shopify', token: 'secret' } } as const;

    await expect(backend.addShop(input), 'the body of a 422 must become the rejection as is').rejects.toEqual({
      code: 'validation',
      message: 'base_url: must be an https URL',
    });

    const request = bridge.seen.find((r) => r.url === '/api/add_shop');
    expect(request?.method, 'commands are POSTed').toBe('POST');
    expect(request?.contentType, 'arguments are sent as JSON').toBe('application/json');
    expect(JSON.parse(request?.body ?? 'null'), 'the Rust command takes one argument named input').toEqual({ input });
  });

  it('resolves with the body of a 2xx response and sends {} for a command without arguments', async () => {
    const backend = backendOver(httpInvoke(bridge.baseUrl));

    await expect(backend.listShops()).resolves.toEqual([]);
    expect(bridge.seen.find((r) => r.url === '/api/list_shops')?.body).toBe('{}');
  });

  it('turns a body that is not an ApiError into an internal error keeping what it said', async () => {
    const backend = backendOver(httpInvoke(bridge.baseUrl));

    await expect(backend.getOrder({ id: 1 }), 'a non-JSON error page still rejects with an ApiError').rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('502'),
    });
    await expect(backend.startDemo(), 'an unknown code is not passed on for the UI to branch on').rejects.toEqual({
      code: 'internal',
      message: 'boom',
    });
  });

  it('rejects with a network error when the bridge cannot be reached', async () => {
    const backend = backendOver(httpInvoke('http://127.0.0.1:1'));

    await expect(backend.listShops()).rejects.toMatchObject({ code: 'network' });
  });
});
