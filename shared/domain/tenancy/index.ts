// The tenancy domain: Kpow-compatible policy files, tenant evaluation, RBAC decisions, previews,
// diffs, ACL generation and round-trip edits. Pure: used by main, the renderer and the CLI alike.
export * from './actions';
export * from './acls';
export * from './decide-action';
export * from './edit-policy';
export * from './evaluate';
export * from './name-index';
export * from './policy-file';
export * from './preview';
export * from './resource-path';
