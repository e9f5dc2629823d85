import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../../../shared/domain/snapshot/snapshot';
import teamsPolicy from '../../../../test/fixtures/policies/teams.yaml?raw';
import demoSnapshot from '../../../../test/fixtures/snapshots/demo.json?raw';
import { createDiffResponder } from './policy-diff';

describe('the diff worker’s responder', () => {
  it('answers nothing until it has a snapshot, then diffs the two texts against it', () => {
    const parsed = parseSnapshot(demoSnapshot);
    if (!parsed.ok) throw new Error('demo snapshot fixture is invalid');
    const respond = createDiffResponder();
    const edited = teamsPolicy.replace('include: ["cluster", "*", "topic", "tx-*"]', 'include: ["cluster", "*", "topic", "tx-orders"]');
    expect(respond({ type: 'diff', id: 1, savedText: teamsPolicy, text: edited })).toBeNull();
    expect(respond({ type: 'snapshot', snapshot: parsed.snapshot })).toBeNull();
    const response = respond({ type: 'diff', id: 2, savedText: teamsPolicy, text: edited });
    expect(response?.id).toBe(2);
    expect(response?.diff.summary).toBe('this edit hides 1 topic from "Transactions"');
  });
});
