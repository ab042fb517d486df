// The image the vision scenarios send by URL: a tiny solid-red PNG served by dropin itself on
// loopback, so a local server's image download is tested without the internet. One server per
// process, started on first use and unref'd: it never keeps a run alive, and every run of the
// process (a recorded run and its replay) sends the same URL.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';

export const PROBE_COLOUR = 'red';
const PATH = '/dropin-probe.png';

let started: Promise<string> | undefined;

/** The URL of the probe image, starting the loopback server the first time. */
export function probeImageUrl(): Promise<string> {
  started ??= new Promise((resolve, reject) => {
    const png = solidPng(8, 8, [220, 20, 20]);
    const server = createServer((req, res) => {
      if (req.url !== PATH) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length, 'cache-control': 'no-store' }).end(png);
    });
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.unref();
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}${PATH}`);
    });
  });
  return started;
}

/** The probe image as a data: URL, for the scenarios that inline it. */
export function probeImageDataUrl(): string {
  return `data:image/png;base64,${solidPng(8, 8, [220, 20, 20]).toString('base64')}`;
}

/** A width×height PNG of one RGB colour: 8-bit truecolour, no interlace, filter 0 on every row. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const idat = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
