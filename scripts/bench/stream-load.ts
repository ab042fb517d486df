// One streaming point: `concurrency` clients each run streams back to back until the duration is
// up (a stream that started finishes), on their own undici Agent with one connection per client.
// The deadline counts from after each client's first, untimed stream.
import { Agent } from 'undici';
import { runStream, type StreamRecord } from './stream-client.ts';

export interface StreamPointInput {
  baseUrl: string;
  headers: Record<string, string>;
  model: string;
  concurrency: number;
  durationS: number;
}

export async function runStreamPoint(input: StreamPointInput): Promise<StreamRecord[]> {
  const dispatcher = new Agent({ connections: input.concurrency, keepAliveTimeout: 30_000 });
  const records: StreamRecord[] = [];
  const client = async () => {
    // the first stream opens this client's connection and warms it; only later ones are timed
    await runStream({ ...input, dispatcher });
    const deadline = performance.now() + input.durationS * 1000;
    do {
      records.push(await runStream({ ...input, dispatcher }));
    } while (performance.now() < deadline);
  };
  try {
    await Promise.all(Array.from({ length: input.concurrency }, client));
  } finally {
    await dispatcher.close();
  }
  return records;
}
