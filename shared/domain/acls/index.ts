// Kafka ACLs and client quotas: the model, StandardAuthorizer's decisions, words. Pure.
export * from './acl-model';
export * from './acl-words';
export * from './authorizer';
export * from './client-quotas';
