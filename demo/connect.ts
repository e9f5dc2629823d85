// The hook for a Kafka Connect worker in the demo. Connect support is being built separately; when the
// bed can start a distributed worker (testbed/connect.ts), start it here for the demo's bed, create a
// connector or two (e.g. a FileStreamSink reading tx-audit), and return its REST URL: the discovery file
// and the "Local demo" profile then carry it. Until then the demo runs without Connect and says nothing
// about it on screen.
import type { DemoBed } from './seed';

export interface DemoConnectWorker {
  url: string;
}

export async function startConnectWorker(_bed: DemoBed): Promise<DemoConnectWorker | null> {
  return null;
}
