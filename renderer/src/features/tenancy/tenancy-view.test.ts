import { describe, expect, it } from 'vitest';
import type { ClusterOverview, TenancyState } from '../../../../shared/ipc/contract';
import { clusterReadable, dependsOnTenant, overviewFigures, rolesSummary, shownSection, tenancyHeadline, tenancyViewKey, visibleSections } from './tenancy-view';

function tenancy(overrides: Partial<TenancyState> = {}): TenancyState {
  return {
    profileId: 'bed',
    status: 'active',
    policy: { path: '/policies/teams.yaml', attachedTo: 'profile', problems: [], hasPolicies: false },
    roles: { available: ['pay-team', 'tx-team'], selected: [] },
    tenants: [
      { name: 'Payments', presentationMode: 'HIDE_RESOURCES', builtIn: false },
      { name: 'Transactions', description: 'Transaction event topics.', presentationMode: 'DEFAULT', builtIn: false },
    ],
    activeTenant: 'Payments',
    navigation: { schemas: true, connect: true, ksqldb: true },
    ...overrides,
  };
}

describe('visibleSections', () => {
  it('shows every section while the tenancy state is unknown or all domains are shown', () => {
    expect(visibleSections(undefined)).toEqual(['overview', 'topics', 'groups', 'schemas', 'connect', 'tenants', 'acls', 'brokers']);
    expect(visibleSections(tenancy().navigation)).toHaveLength(8);
  });

  it('hides Connect alone when the tenant reaches no Connect resource (HIDE_RESOURCES)', () => {
    expect(visibleSections({ schemas: true, connect: false, ksqldb: false })).toEqual(['overview', 'topics', 'groups', 'schemas', 'tenants', 'acls', 'brokers']);
  });

  it('hides Schemas when the tenant hides schema resources, keeping the order of the rest', () => {
    expect(visibleSections({ schemas: false, connect: false, ksqldb: false })).toEqual(['overview', 'topics', 'groups', 'tenants', 'acls', 'brokers']);
  });
});

describe('shownSection', () => {
  it('falls back to the overview when the remembered section is hidden', () => {
    const hidden = visibleSections({ schemas: false, connect: false, ksqldb: false });
    expect(shownSection('schemas', hidden)).toBe('overview');
    expect(shownSection('topics', hidden)).toBe('topics');
    expect(shownSection('schemas', visibleSections(undefined))).toBe('schemas');
  });
});

describe('tenancyHeadline', () => {
  it('names the active tenant, or says what is missing', () => {
    expect(tenancyHeadline(tenancy())).toBe('Payments');
    expect(tenancyHeadline(tenancy({ status: 'choose', activeTenant: null }))).toBe('Choose a tenant');
    expect(tenancyHeadline(tenancy({ status: 'invalid', activeTenant: null }))).toBe('The policy file has errors');
    expect(tenancyHeadline(tenancy({ status: 'none', policy: null, activeTenant: null }))).toBe('Whole cluster (no policy file)');
  });
});

describe('rolesSummary', () => {
  it('reads an empty selection as every role in the file', () => {
    expect(rolesSummary({ available: ['pay-team', 'tx-team'], selected: [] })).toBe('Acting as all 2 roles in the file.');
    expect(rolesSummary({ available: ['pay-team', 'tx-team'], selected: ['pay-team', 'tx-team'] })).toBe('Acting as all 2 roles in the file.');
    expect(rolesSummary({ available: ['pay-team'], selected: [] })).toBe('Acting as all 1 role in the file.');
    expect(rolesSummary({ available: ['pay-team', 'tx-team'], selected: ['tx-team'] })).toBe('Acting as tx-team.');
    expect(rolesSummary({ available: [], selected: [] })).toBe('The policy file names no roles.');
  });
});

describe('dependsOnTenant', () => {
  it('marks cluster answers stale on a tenant switch and leaves profile and app answers alone', () => {
    expect(dependsOnTenant(['cluster:overview', 'bed'])).toBe(true);
    expect(dependsOnTenant(['topics:detail', 'bed', 'pay-orders'])).toBe(true);
    expect(dependsOnTenant(['profiles:get', 'bed'])).toBe(false);
    expect(dependsOnTenant(['app:info'])).toBe(false);
    expect(dependsOnTenant(['tenancy:state', 'bed'])).toBe(false);
  });
});

describe('tenancyViewKey', () => {
  it('changes with the tenant, the file and the roles, and not otherwise', () => {
    const base = tenancyViewKey(tenancy());
    expect(tenancyViewKey(tenancy())).toBe(base);
    expect(tenancyViewKey(tenancy({ activeTenant: 'Transactions' }))).not.toBe(base);
    expect(tenancyViewKey(tenancy({ roles: { available: ['pay-team', 'tx-team'], selected: ['pay-team'] } }))).not.toBe(base);
    expect(tenancyViewKey(tenancy({ policy: { path: '/other.yaml', attachedTo: 'profile', problems: [], hasPolicies: false } }))).not.toBe(base);
  });
});

describe('clusterReadable', () => {
  it('is true only where main answers Kafka channels', () => {
    expect(clusterReadable(tenancy())).toBe(true);
    expect(clusterReadable(tenancy({ status: 'none', policy: null }))).toBe(true);
    expect(clusterReadable(tenancy({ status: 'choose' }))).toBe(false);
    expect(clusterReadable(tenancy({ status: 'invalid' }))).toBe(false);
    expect(clusterReadable(undefined)).toBe(false);
  });
});

describe('overviewFigures', () => {
  const overview: ClusterOverview = {
    clusterId: 'N9xnGujkR32eYxHICeaHuQ',
    tenant: 'Transactions',
    brokers: 3,
    controllerId: 1,
    topics: 200,
    internalTopics: 0,
    partitions: 1200,
    replicaBytes: 86_800_000,
    writesPerSecond: 1.75,
    groups: 12,
    principals: null,
    sampledAt: 0,
  };
  const value = (figures: ReturnType<typeof overviewFigures>, label: string) => figures.find((figure) => figure.label === label)?.value;

  it('formats the seed example with the same units as the tenant preview', () => {
    const figures = overviewFigures(overview);
    expect(value(figures, 'Topics')).toBe('200');
    expect(value(figures, 'Replica disk size')).toBe('86.8 MB');
    expect(value(figures, 'Writes')).toBe('1.75 msg/s');
    expect(value(figures, 'Partitions')).toBe('1,200');
    expect(value(figures, 'Controller')).toBe('broker 1');
    expect(value(figures, 'Tenant')).toBe('Transactions');
  });

  it('counts internal topics once, saying which topics are internal (issue 17)', () => {
    const figures = overviewFigures({ ...overview, topics: 7, internalTopics: 1 });
    expect(value(figures, 'Topics')).toBe('6 + 1 internal');
    expect(figures.filter((figure) => /topic/i.test(figure.label)).map((figure) => figure.label)).toEqual(['Topics']);
  });

  it('says why a figure is missing instead of showing zero', () => {
    const figures = overviewFigures({ ...overview, tenant: null, controllerId: null, replicaBytes: null, writesPerSecond: null });
    expect(value(figures, 'Tenant')).toBe('Whole cluster');
    expect(value(figures, 'Controller')).toBe('unknown');
    expect(value(figures, 'Replica disk size')).toBe('unavailable (DescribeLogDirs refused)');
    expect(value(figures, 'Writes')).toBe('unavailable');
    expect(value(figures, 'ACL principals')).toBe('not allowed to describe ACLs');
  });

  it('says a topic-only tenant has no brokers rather than an unknown controller', () => {
    const figures = overviewFigures({ ...overview, brokers: 0, controllerId: null });
    expect(value(figures, 'Brokers')).toBe('none in this tenant');
    expect(value(figures, 'Controller')).toBe('not in this tenant');
  });

  it('formats the global example: 3.9 GB and whole writes per second', () => {
    const figures = overviewFigures({ ...overview, replicaBytes: 3_900_000_000, writesPerSecond: 762.4 });
    expect(value(figures, 'Replica disk size')).toBe('3.9 GB');
    expect(value(figures, 'Writes')).toBe('762 msg/s');
  });
});
