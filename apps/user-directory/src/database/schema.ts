/** The user directory's own Postgres schema; no other service reads it. */
export const USER_DIRECTORY_SCHEMA = 'user_directory';
