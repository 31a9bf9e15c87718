/** Credential vending's own Postgres schema; no other service reads it. */
export const CREDENTIAL_VENDING_SCHEMA = 'credential_vending';
