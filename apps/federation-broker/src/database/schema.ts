/** The federation broker's own Postgres schema; no other service reads it. */
export const FEDERATION_BROKER_SCHEMA = 'federation_broker';
