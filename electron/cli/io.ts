import { readFile } from 'node:fs/promises';

/** What a CLI command may touch, so tests can run commands in-process and read what they printed. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readInput(pathOrDash: string): Promise<string>;
  /** Where the app's profile store lives; tests point it at a temp folder (default: Electron's userData). */
  dataDir?: string;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  async readInput(pathOrDash) {
    if (pathOrDash !== '-') return readFile(pathOrDash, 'utf8');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};
