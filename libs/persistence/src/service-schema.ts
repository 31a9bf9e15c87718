/**
 * The token of the service's own PostgreSQL schema name, provided once by the service's module:
 * the classes shared by every service (outbox, inbox, dead letters, rate limits) write SQL
 * qualified with it.
 */
export const SERVICE_SCHEMA = Symbol('SERVICE_SCHEMA');
