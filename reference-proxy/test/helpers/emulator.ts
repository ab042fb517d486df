// The spec-perfect emulator (fixtures/emulator) on a loopback port, as a proxy backend.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, type EmulatorOptions } from '../../../fixtures/emulator/emulator.ts';

export async function startEmulatorBackend(opts: EmulatorOptions = {}): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = createServer(createEmulator(opts));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
