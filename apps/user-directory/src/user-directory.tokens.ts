import { ProviderEndpoints } from './providers/provider-endpoints';

/** Configuration the user directory's classes read, provided once from the environment. */
export interface UserDirectoryConfig {
  /** The public base URL: the issuer of the pools' tokens. */
  publicUrl: string;
  region: string;
  accountId: string;
  /** Where the social identity providers' servers are (ADR 0019). */
  providerEndpoints: ProviderEndpoints;
  /** Pool domains are served at `<prefix>.<authDomainSuffix>`. */
  authDomainSuffix: string;
  /** Where custom domains' certificates are (ADR 0049); custom domains are refused without it. */
  customDomainCertDir?: string;
  /**
   * The port browsers reach custom domains on (IDFED_CUSTOM_DOMAIN_PUBLIC_PORT, default 443): the
   * port of the links sent for a custom domain.
   */
  customDomainPublicPort?: number;
}

/** Injection token of the UserDirectoryConfig. */
export const USER_DIRECTORY_CONFIG = Symbol('USER_DIRECTORY_CONFIG');

/**
 * Injection token of the process's TransportConfig: what the cache invalidation subscribes through
 * (a broadcast subscription per replica, ADR 0064).
 */
export const USER_DIRECTORY_TRANSPORT = Symbol('USER_DIRECTORY_TRANSPORT');
