import { describe, expect, it } from 'vitest';
import { decisionLookup } from '../tenancy/decisions';
import { topicAsks, topicPermissions } from './topic-permissions';

const profile = { name: 'bed', safety: { readOnly: false, allowedActions: ['create-topics', 'produce', 'export-data'] } } as never;

describe('topic permissions with main’s decisions (issue 17)', () => {
  it('asks clone and re-produce for the source alone, every other request for the topic', () => {
    const asks = topicAsks('pay-ledger');
    expect(asks.find((ask) => ask.request === 'topics:clone')?.input).toEqual({ source: 'pay-ledger' });
    expect(asks.find((ask) => ask.request === 'messages:reproduce')?.input).toEqual({ source: { topic: 'pay-ledger' } });
    expect(asks.find((ask) => ask.request === 'messages:browse')?.input).toEqual({ topic: 'pay-ledger' });
    expect(asks.find((ask) => ask.request === 'messages:export')?.input).toEqual({ topic: 'pay-ledger' });
    expect(new Set(asks.map((ask) => ask.id)).size).toBe(asks.length);
  });

  it('disables browse, export, clone and re-produce with main’s reason once the profile allows them', () => {
    const asks = topicAsks('pay-ledger');
    const download = "TOPIC_DATA_DOWNLOAD on topic 'pay-ledger' is not allowed: no policy in the policy file allows it for the role payments.";
    const decisions = decisionLookup(asks, asks.map((ask) => ({ reason: ask.request === 'messages:export' ? download : null })));
    const denied = topicPermissions(profile, decisions);
    expect(denied('export-data', 'messages:export')).toBe(download);
    expect(denied('produce', 'messages:reproduce')).toBeNull();
    expect(denied('create-topics', 'topics:clone')).toBeNull();
    expect(topicPermissions({ name: 'bed', safety: { readOnly: true, allowedActions: [] } } as never, decisions)('export-data', 'messages:export')).toBe("Profile 'bed' is read-only.");
  });
});
