import { IdfedEnv, loadConfiguredKey } from '@idfed/config';

/**
 * The session-token master key: IDFED_SESSION_TOKEN_KEY, else a 0600 file in the data directory
 * made on first start (like the key-encryption key). Credential vending seals with it and every
 * gateway opens with it, so processes that do not share a data directory (any distributed
 * deployment) must set the variable.
 */
export function loadSessionTokenKey(env: IdfedEnv, log: (message: string) => void = () => undefined): Buffer {
  const key = loadConfiguredKey({
    configured: env.sessionTokenKey,
    dataDir: env.dataDir,
    file: 'session-token-key',
    variable: 'IDFED_SESSION_TOKEN_KEY',
    log,
  });
  if (key.length !== 32)
    throw new Error('session-token-key does not hold a 32-byte base64 key; delete it to generate one');
  return key;
}
