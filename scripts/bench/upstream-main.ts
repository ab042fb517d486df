// Child-process entry of the bench upstream: `node upstream-main.ts <port> <chunks> <delayMs>`.
import { startUpstream } from './upstream.ts';

const [port = '0', chunks = '50', delayMs = '10'] = process.argv.slice(2);
const upstream = await startUpstream({ chunks: Number(chunks), delayMs: Number(delayMs) }, Number(port));
process.stdout.write(`bench upstream listening on 127.0.0.1:${upstream.port}\n`);
process.once('SIGTERM', () => void upstream.close().then(() => process.exit(0)));
