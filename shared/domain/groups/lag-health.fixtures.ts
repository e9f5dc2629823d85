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

/** Recorded on 2026-12-01 against the one-node Kafka 4.3.1 bed: 300 ms interval, a window of 6 samples. */
export const recordedSequences: RecordedSequence[] = [
  {
    name: 'a consumer catching up (kafkajs, 3 ms per record, nothing new written)',
    members: 1,
    expected: 'ok',
    partitions: [
      {
        topic: 'catches-up',
        partition: 0,
        samples: [
          { at: 1796168870519, committed: 1, end: 1500 },
          { at: 1796168870776, committed: 27, end: 1500 },
          { at: 1796168871179, committed: 68, end: 1500 },
          { at: 1796168871365, committed: 103, end: 1500 },
          { at: 1796168871678, committed: 156, end: 1500 },
          { at: 1796168871990, committed: 182, end: 1500 },
        ],
      },
    ],
  },
  {
    name: 'a consumer falling behind (25 ms per record, 200 records/s written)',
    members: 1,
    expected: 'warning',
    partitions: [
      {
        topic: 'falls-behind',
        partition: 0,
        samples: [
          { at: 1796168871365, committed: 30, end: 240 },
          { at: 1796168871678, committed: 40, end: 320 },
          { at: 1796168871990, committed: 46, end: 360 },
          { at: 1796168872318, committed: 54, end: 400 },
          { at: 1796168872584, committed: 62, end: 440 },
          { at: 1796168872964, committed: 72, end: 520 },
        ],
      },
    ],
  },
  {
    name: 'a paused consumer that is still a member (2 records per 200 ms written)',
    members: 1,
    expected: 'stall',
    partitions: [
      {
        topic: 'stalls',
        partition: 0,
        samples: [
          { at: 1796168869898, committed: 10, end: 12 },
          { at: 1796168870378, committed: 10, end: 14 },
          { at: 1796168870519, committed: 10, end: 16 },
          { at: 1796168870776, committed: 10, end: 18 },
          { at: 1796168871179, committed: 10, end: 22 },
          { at: 1796168871365, committed: 10, end: 22 },
        ],
      },
    ],
  },
  {
    name: 'a consumer that left the group (2 records per 200 ms written)',
    members: 0,
    expected: 'stopped',
    partitions: [
      {
        topic: 'stops',
        partition: 0,
        samples: [
          { at: 1796168869898, committed: 10, end: 12 },
          { at: 1796168870378, committed: 10, end: 14 },
          { at: 1796168870519, committed: 10, end: 16 },
          { at: 1796168870776, committed: 10, end: 18 },
          { at: 1796168871179, committed: 10, end: 22 },
          { at: 1796168871365, committed: 10, end: 22 },
        ],
      },
    ],
  },
];
