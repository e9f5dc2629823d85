import { describe, expect, it } from 'vitest';
import { describeBinding, type AclBinding } from '../../../../shared/domain/acls';
import { deleteFilterOf, emptyAclForm, emptyFilters, nextAclSort, previewAclForm, visibleAcls } from './acl-table-model';

const row = (partial: Partial<AclBinding>) => {
  const binding: AclBinding = { principal: 'User:alice', host: '*', resourceType: 'TOPIC', resourceName: 'orders', patternType: 'LITERAL', operation: 'READ', permission: 'ALLOW', ...partial };
  return { ...binding, text: describeBinding(binding) };
};

describe('ACL list model', () => {
  const rows = [row({}), row({ principal: 'User:bob', operation: 'WRITE' }), row({ resourceType: 'GROUP', resourceName: 'billing', permission: 'DENY' })];
  it('filters by contains on text and exactly on choices, and sorts either way', () => {
    expect(visibleAcls(rows, { ...emptyFilters, principal: 'BO' }, { column: 'principal', direction: 'asc' }).map((entry) => entry.principal)).toEqual(['User:bob']);
    expect(visibleAcls(rows, { ...emptyFilters, permission: 'DENY' }, { column: 'principal', direction: 'asc' })).toHaveLength(1);
    expect(visibleAcls(rows, emptyFilters, { column: 'principal', direction: 'desc' })[0]!.principal).toBe('User:bob');
    expect(nextAclSort({ column: 'principal', direction: 'asc' }, 'principal')).toEqual({ column: 'principal', direction: 'desc' });
  });
  it('sends only exact fields as the delete filter', () => {
    expect(deleteFilterOf({ ...emptyFilters, principal: ' User:bob ', operation: 'WRITE' })).toEqual({ principal: 'User:bob', operation: 'WRITE' });
    expect(deleteFilterOf(emptyFilters)).toEqual({});
  });
});

describe('ACL create form', () => {
  it('previews each operation in words, with warnings', () => {
    const preview = previewAclForm({ ...emptyAclForm, principal: 'User:alice', resourceName: 'orders-', patternType: 'PREFIXED', operations: ['READ', 'WRITE'] });
    expect(preview.problems).toEqual([]);
    expect(preview.sentences[0]).toBe("Lets User:alice consume from (READ) every topic whose name starts with 'orders-', from any host. It also allows DESCRIBE there.");
    expect(preview.sentences).toHaveLength(2);
    expect(preview.warnings).toEqual(["It also covers topics created later whose names start with 'orders-'."]);
  });
  it('says what is missing or wrong before anything is sent', () => {
    expect(previewAclForm({ ...emptyAclForm }).problems).toEqual(['A principal is TYPE:NAME, e.g. User:alice (User:* for every user).', 'Give a resource name (* for every name).']);
    expect(previewAclForm({ ...emptyAclForm, principal: 'User:a', resourceType: 'GROUP', resourceName: 'g', operations: ['WRITE'] }).problems[0]).toContain('WRITE is not an operation on consumer groups');
    expect(previewAclForm({ ...emptyAclForm, principal: 'User:a', resourceType: 'CLUSTER', operations: ['DESCRIBE'] }).sentences[0]).toBe('Lets User:a list ACLs, groups and log dirs of (DESCRIBE) the cluster, from any host.');
  });
});
