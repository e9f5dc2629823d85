// Programmatic edits of a policy file that keep what the user wrote: comments, key order, quoting
// and keys we do not know. Each edit parses the text into a yaml Document and changes only the nodes
// concerned. Printing the Document normalises spacing inside flow collections and before comments,
// so a rename, the most common edit, splices the new name into the original text instead.
import { Document as YamlDocument, isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { PresentationMode, RuleEffect } from './policy-file';
import type { ResourcePath } from './resource-path';

export class PolicyEditError extends Error {
  override readonly name = 'PolicyEditError';
}

export interface TenantRuleDraft {
  effect: RuleEffect;
  path: ResourcePath;
}

export interface TenantDraft {
  name: string;
  description?: string;
  resources: TenantRuleDraft[];
  presentationMode?: PresentationMode;
  roles: string[];
}

export function addTenant(source: string, draft: TenantDraft): string {
  const doc = parseForEdit(source);
  if (findTenant(doc, draft.name) !== null) throw new PolicyEditError(`a tenant named ${JSON.stringify(draft.name)} already exists`);
  const tenants = tenantsSeq(doc, true)!;
  const fields: Record<string, unknown> = { name: draft.name };
  if (draft.description !== undefined) fields['description'] = draft.description;
  fields['resources'] = [];
  if (draft.presentationMode !== undefined) fields['presentation_mode'] = draft.presentationMode;
  fields['roles'] = draft.roles;
  const tenant = doc.createNode(fields) as YAMLMap;
  tenant.set('resources', resourcesNode(doc, draft.resources));
  tenants.items.push(tenant);
  return doc.toString();
}

export function renameTenant(source: string, from: string, to: string): string {
  const doc = parseForEdit(source);
  if (from !== to && findTenant(doc, to) !== null) throw new PolicyEditError(`a tenant named ${JSON.stringify(to)} already exists`);
  const tenant = requireTenant(doc, from);
  const name = tenant.get('name', true);
  if (!isScalar(name) || name.range === null || name.range === undefined) {
    tenant.set('name', to);
    return doc.toString();
  }
  const replacement = new YamlDocument(to);
  if (isScalar(replacement.contents) && name.type !== undefined) replacement.contents.type = name.type;
  const [start, end] = name.range;
  return `${source.slice(0, start)}${replacement.toString().trimEnd()}${source.slice(end)}`;
}

export function setTenantResources(source: string, name: string, rules: readonly TenantRuleDraft[]): string {
  const doc = parseForEdit(source);
  requireTenant(doc, name).set('resources', resourcesNode(doc, rules));
  return doc.toString();
}

export function removeTenant(source: string, name: string): string {
  const doc = parseForEdit(source);
  const tenants = tenantsSeq(doc, false);
  const index = tenants?.items.findIndex((item) => isMap(item) && tenantName(item) === name) ?? -1;
  if (tenants === null || index < 0) throw new PolicyEditError(unknownTenantMessage(doc, name));
  tenants.items.splice(index, 1);
  return doc.toString();
}

function parseForEdit(source: string): Document {
  const doc = parseDocument(source);
  const [error] = doc.errors;
  if (error !== undefined) throw new PolicyEditError(`the file has YAML syntax errors; fix them before editing (${error.message.split('\n')[0]})`);
  if (doc.contents !== null && !isMap(doc.contents)) throw new PolicyEditError('the top level of the file is not a map');
  return doc;
}

function tenantsSeq(doc: Document, create: boolean): YAMLSeq | null {
  const existing = doc.get('tenants', true);
  if (isSeq(existing)) return existing;
  if (existing !== undefined && existing !== null && !(isScalar(existing) && existing.value === null)) {
    throw new PolicyEditError('"tenants" is not a list');
  }
  if (!create) return null;
  const seq = doc.createNode([]) as YAMLSeq;
  if (doc.contents === null) doc.contents = doc.createNode({}) as YAMLMap;
  doc.set('tenants', seq);
  return seq;
}

function tenantName(tenant: YAMLMap): unknown {
  const name = tenant.get('name', true);
  return isScalar(name) ? name.value : undefined;
}

function findTenant(doc: Document, name: string): YAMLMap | null {
  const tenants = tenantsSeq(doc, false);
  const found = tenants?.items.find((item): item is YAMLMap => isMap(item) && tenantName(item) === name);
  return found ?? null;
}

function requireTenant(doc: Document, name: string): YAMLMap {
  const tenant = findTenant(doc, name);
  if (tenant === null) throw new PolicyEditError(unknownTenantMessage(doc, name));
  return tenant;
}

function unknownTenantMessage(doc: Document, name: string): string {
  const names = (tenantsSeq(doc, false)?.items ?? []).filter(isMap).map((item) => JSON.stringify(tenantName(item)));
  return `no tenant named ${JSON.stringify(name)}${names.length > 0 ? `; the file has ${names.join(', ')}` : ''}`;
}

/** Each rule on its own line with its path in flow style, as Kpow's examples write them. */
function resourcesNode(doc: Document, rules: readonly TenantRuleDraft[]): YAMLSeq {
  const seq = doc.createNode([]) as YAMLSeq;
  for (const rule of rules) {
    const path = doc.createNode([...rule.path]) as YAMLSeq;
    path.flow = true;
    const entry = doc.createNode({}) as YAMLMap;
    entry.set(rule.effect, path);
    seq.items.push(entry);
  }
  return seq;
}
