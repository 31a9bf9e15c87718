/**
 * @idfed/session-credentials: temporary credentials (ASIA access key ids, secrets, session tokens)
 * issued by credential vending and verified by the gateway and resource services. See
 * docs/adr/0004-session-credentials.md for the token format and key rotation.
 */
export * from './access-keys';
export * from './session-claims';
export * from './session-token.keys';
export * from './session-token.codec';
export * from './session-policy.packing';
export * from './principal-tags';
export * from './session-token-key.loader';
export * from './user-access-key.sealer';
export * from './authorization-message.sealer';
export * from './identity-token-context';
