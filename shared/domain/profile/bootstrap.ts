// Bootstrap addresses are `host:port`; IPv6 hosts must be bracketed so the port is unambiguous.

export type BootstrapCheck = { ok: true; host: string; port: number } | { ok: false; reason: string };

const hostnamePattern = /^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?)*\.?$/;
const bracketedIpv6Pattern = /^\[([0-9A-Fa-f:.]+(?:%[A-Za-z0-9_.-]+)?)\]:(\d{1,5})$/;

export function checkBootstrapAddress(address: string): BootstrapCheck {
  const trimmed = address.trim();
  if (trimmed === '') return { ok: false, reason: 'The address is empty.' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    return { ok: false, reason: `'${trimmed}' is a URL; bootstrap servers are host:port without a scheme, e.g. broker-1.example.com:9092.` };
  }
  const bracketed = bracketedIpv6Pattern.exec(trimmed);
  if (bracketed) {
    const host = bracketed[1] ?? '';
    if (!host.includes(':')) return { ok: false, reason: `'${trimmed}': brackets are only for IPv6 addresses.` };
    return withPort(trimmed, host, bracketed[2] ?? '');
  }
  const colons = trimmed.split(':').length - 1;
  if (colons > 1) {
    return { ok: false, reason: `'${trimmed}' looks like an IPv6 address: put it in brackets, e.g. [::1]:9092.` };
  }
  if (colons === 0) return { ok: false, reason: `'${trimmed}' has no port: add one, e.g. ${trimmed}:9092.` };
  const [host = '', port = ''] = trimmed.split(':');
  if (!hostnamePattern.test(host) || host.includes('..')) return { ok: false, reason: `'${host}' is not a valid host name or IPv4 address.` };
  return withPort(trimmed, host, port);
}

function withPort(address: string, host: string, portText: string): BootstrapCheck {
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return { ok: false, reason: `'${address}' has port '${portText}'; a port is a number from 1 to 65535.` };
  }
  return { ok: true, host, port };
}

/** Splits a comma-separated bootstrap list as written in client configs (blanks around entries allowed). */
export function splitBootstrapList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
