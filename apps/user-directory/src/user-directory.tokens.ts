/** Injection tokens for values the module is given rather than classes it builds. */
export const USER_DIRECTORY_OPTIONS = Symbol('USER_DIRECTORY_OPTIONS');
