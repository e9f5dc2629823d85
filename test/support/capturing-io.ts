// The CLI's IO for tests: what a command prints, kept per stream, and stdin given as text (`-`).
import { readFile } from 'node:fs/promises';
import type { CliIo } from '../../electron/cli/io';

export interface CapturedIo {
  io: CliIo;
  out: string[];
  err: string[];
}

export function capturingIo(dataDir: string, stdin = ''): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    dataDir,
    out: (text) => void out.push(text),
    err: (text) => void err.push(text),
    readInput: (path) => (path === '-' ? Promise.resolve(stdin) : readFile(path, 'utf8')),
  };
  return { io, out, err };
}
