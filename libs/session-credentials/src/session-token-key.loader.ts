import { randomBytes } from 'node:crypto';
import { dataPath, IdfedEnv, readOrCreateSecretFile } from '@idfed/config';

/**
 * The session-token master key: IDFED_SESSION_TOKEN_KEY, else a 0600 file in the data directory
 * made on first start (like the user directory's key-encryption key). Credential vending seals
 * with it and every gateway opens with it, so processes that do not share a data directory (any
 * distributed deployment) must set the variable.
 */
export function loadSessionTokenKey(env: IdfedEnv, log?: (message: string) => void): Buffer {
  if (env.sessionTokenKey) return env.sessionTokenKey;
  const path = dataPath(env.dataDir, 'session-token-key');
  const { value, created } = readOrCreateSecretFile(path, () => randomBytes(32).toString('base64'));
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32)
    throw new Error(`${path} does not hold a 32-byte base64 key; delete it to generate one`);
  if (created)
    log?.(`generated a session token key at ${path} (set IDFED_SESSION_TOKEN_KEY to manage it yourself)`);
  return key;
}
