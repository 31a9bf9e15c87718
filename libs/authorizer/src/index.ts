/**
 * @idfed/authorizer: verifies requests signed with idfed credentials (the admin key or temporary
 * credentials) and decides what their principal may do with the IAM policy engine. The gateway
 * serves it as POST /authorize (docs/api.md); a resource service may also embed it.
 */
export * from './principal';
export * from './credential.errors';
export * from './credential-error.mapping';
export * from './credential.resolver';
export * from './authorizer';
export * from './revocation-list';
export * from './role-permissions.cache';
export * from './iam-user-keys';
export * from './operation-resources';
export * from './request-context';
export * from './tagging-actions';
export * from './refused-call.recorder';
export * from './resource-tags';
export * from './credential.providers';
