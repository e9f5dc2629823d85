// The contract between `npm run bench` (bench/run.ts) and each benchmark module (bench/*.bench.ts).
// A module's default export runs its measurements and returns rows; the runner prints one table and
// writes the same rows as JSON.

import type { TestbedInfo } from '../testbed/types';

export interface BenchPeerFigure {
  /** e.g. "kcat -C -e -o beginning -q" */
  name: string;
  value: number;
}

export interface BenchRow {
  /** Short id such as "P1 browse" or "P4 tenancy". */
  id: string;
  /** What is measured, e.g. "consume 1M x 1 KB". */
  metric: string;
  unit: string;
  odradek: number;
  peer: BenchPeerFigure | null;
  /** odradek / peer for rates, peer / odradek for durations: always "higher is better for Odradek". */
  ratio: number | null;
  /** The target as written in the issue, e.g. ">= 0.5x kcat", and whether this run met it. */
  target?: string;
  met?: boolean;
  notes?: string;
}

export interface BenchContext {
  /** Connection details of the running test bed (undefined until a benchmark asks for it). */
  testbed?: TestbedInfo;
  /** Ask the runner to start the bed lazily: only benchmarks that need it pay for it. */
  requireTestbed(): Promise<TestbedInfo>;
  log(message: string): void;
}

export type Benchmark = (ctx: BenchContext) => Promise<BenchRow[]>;
