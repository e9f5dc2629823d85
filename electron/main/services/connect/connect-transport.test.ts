import { describe, expect, it } from 'vitest';
import { ConnectTransport, statusError } from './connect-transport';

const response = (status: number, body: unknown) => ({ status, body, url: 'http://connect:8083/connectors/orders/status' });

describe('Connect REST errors', () => {
  it('names the failure specifically, by status and path', () => {
    expect(statusError(response(401, 'User cannot access the resource.'), { method: 'GET', path: '/connectors' }, 'Prod')).toMatchObject({ kind: 'unauthorized', code: 'NOT_ALLOWED', message: expect.stringContaining("Connect cluster 'Prod' refused the credentials (401 on GET /connectors)") });
    expect(statusError(response(403, { error_code: 403, message: 'no' }), { method: 'PUT', path: '/connectors/orders/pause' }, 'Prod')).toMatchObject({ kind: 'forbidden' });
    expect(statusError(response(404, { error_code: 404, message: 'Connector orders not found' }), { method: 'GET', path: '/connectors/orders/status' }, 'Prod')).toMatchObject({ kind: 'connector-not-found', code: 'NOT_FOUND', message: "Connect cluster 'Prod' has no connector 'orders'." });
    expect(statusError(response(404, { error_code: 404, message: 'Task not found' }), { method: 'GET', path: '/connectors/orders/tasks/3/status' }, 'Prod')).toMatchObject({ kind: 'not-found' });
    expect(statusError(response(409, { error_code: 409, message: 'Cannot complete request because of a conflicting operation (e.g. worker rebalance)' }), { method: 'POST', path: '/connectors' }, 'Prod')).toMatchObject({ kind: 'rebalancing', code: 'CONFLICT', message: expect.stringContaining('try again') });
    expect(statusError(response(500, '<html><body>boom</body></html>'), { method: 'GET', path: '/' }, 'Prod')).toMatchObject({ kind: 'server-error', message: expect.stringContaining(': boom') });
  });

  it('refuses credentials in a URL and a non-http URL before any request', () => {
    const base = { id: 'a', name: 'A', auth: { kind: 'none' as const }, tls: null, readOnly: false };
    expect(() => new ConnectTransport({ ...base, urls: ['http://user:pw@connect:8083'] })).toThrow(/not in the URL/);
    expect(() => new ConnectTransport({ ...base, urls: ['ftp://connect'] })).toThrow(/http:\/\/ or https:\/\//);
  });

  it('fails over from a refused URL to the next and reports every URL when none answers', async () => {
    const base = { id: 'a', name: 'A', auth: { kind: 'none' as const }, tls: null, readOnly: false };
    const transport = new ConnectTransport({ ...base, urls: ['http://127.0.0.1:1', 'http://127.0.0.1:2'] }, { timeoutMs: 2000 });
    await expect(transport.json({ method: 'GET', path: '/' })).rejects.toMatchObject({ kind: 'unreachable', message: expect.stringMatching(/No REST URL of Connect cluster 'A' answered: Nothing listens at http:\/\/127\.0\.0\.1:1.*127\.0\.0\.1:2/) });
    transport.close();
  });
});
