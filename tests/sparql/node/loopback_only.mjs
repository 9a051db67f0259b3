// Loaded first (`node --import ./loopback_only.mjs ...`, or imported before Comunica): every socket
// and DNS look-up of this process is recorded, and any to a host other than loopback is refused
// (an Error is thrown where the connection would start). At exit the record is written to stderr
// as one line: `loopback-only: {"connections": [...], "refused": [...]}`.
import net from 'node:net';
import dns from 'node:dns';

const LOOPBACK = /^(127(\.\d{1,3}){3}|localhost|::1|\[::1\])$/i;
export const connections = [];
export const refused = [];

export function check(host, what) {
  const name = host === undefined || host === null || host === '' ? 'localhost' : String(host);
  connections.push(`${what}:${name}`);
  if (!LOOPBACK.test(name)) {
    refused.push(`${what}:${name}`);
    throw new Error(`refused: ${what} to ${name} (only loopback is allowed)`);
  }
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function loopbackOnlyConnect(...args) {
  let options = args[0];
  if (Array.isArray(options)) options = options[0];  // net.connect passes its normalised [options, cb]
  if (options !== null && typeof options === 'object') {
    if (options.path === undefined) check(options.host, 'connect');
  } else if (typeof options !== 'string') {  // (port, host); a string alone is an IPC path
    check(typeof args[1] === 'string' ? args[1] : undefined, 'connect');
  }
  return connect.apply(this, args);
};
const lookup = dns.lookup;
dns.lookup = function loopbackOnlyLookup(hostname, ...rest) {
  check(hostname, 'dns');
  return lookup.call(this, hostname, ...rest);
};
const promisesLookup = dns.promises.lookup;
dns.promises.lookup = function loopbackOnlyPromisesLookup(hostname, ...rest) {
  check(hostname, 'dns');
  return promisesLookup.call(this, hostname, ...rest);
};

process.on('exit', () => {
  process.stderr.write(`loopback-only: ${JSON.stringify({ connections, refused })}\n`);
});
