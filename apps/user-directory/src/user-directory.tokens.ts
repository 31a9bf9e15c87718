/** Configuration the user directory's classes read, provided once from the environment. */
export interface UserDirectoryConfig {
  /** The public base URL: the issuer of the pools' tokens. */
  publicUrl: string;
  region: string;
  accountId: string;
}

/** Injection token of the UserDirectoryConfig. */
export const USER_DIRECTORY_CONFIG = Symbol('USER_DIRECTORY_CONFIG');
