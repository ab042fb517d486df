// Preloaded into the Portkey gateway (node --import): it has no host flag and binds every
// interface, so a listen() without a host is moved onto 127.0.0.1. Nothing else is changed, so
// the gateway is measured as shipped.
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (first && typeof first === 'object' && !('fd' in first) && !('path' in first) && !('handle' in first) && !first._handle) {
    if (!first.host) args[0] = { ...first, host: '127.0.0.1' };
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (args[1] === undefined || args[1] === null) args[1] = '127.0.0.1';
    else if (typeof args[1] === 'function') args.splice(1, 0, '127.0.0.1');
  }
  return listen.apply(this, args);
};
