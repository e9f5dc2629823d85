// Peer tools measured beside Odradek in the same run.
import { spawn } from 'node:child_process';
import type { TestbedInfo } from '../testbed/types';

/** kcat writes one line per record; counting lines with wc keeps Node out of the peer's data path. */
export function consumeWithKcat(info: TestbedInfo, topic: string): Promise<{ count: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', 'kcat -C -b "$1" -t "$2" -e -o beginning -q | wc -l', 'kcat-bench', info.listeners.plaintext, topic], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve({ count: Number.parseInt(output.trim(), 10), ms: Math.round(performance.now() - started) });
      else reject(new Error(`kcat exited with ${code}`));
    });
  });
}
