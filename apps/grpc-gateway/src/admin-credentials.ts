import { existsSync, readFileSync } from 'node:fs';
import { dataPath, IdfedEnv } from '@idfed/config';
import { AdminCredentials } from './grpc-gateway.options';

/**
 * The admin key pair of a standalone gRPC gateway: IDFED_ADMIN_ACCESS_KEY_ID /
 * IDFED_ADMIN_SECRET_ACCESS_KEY, else the file the HTTP gateway generated in the data directory.
 * Never generated here: a key only this replica knew would sign nothing else. Without either,
 * only temporary credentials sign calls.
 */
export function loadAdminCredentials(env: IdfedEnv): AdminCredentials | undefined {
  if (env.adminAccessKeyId && env.adminSecretAccessKey) {
    return { accessKeyId: env.adminAccessKeyId, secretAccessKey: env.adminSecretAccessKey };
  }
  const path = dataPath(env.dataDir, 'admin-credentials.json');
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<AdminCredentials>;
  if (typeof parsed.accessKeyId !== 'string' || typeof parsed.secretAccessKey !== 'string') {
    throw new Error(`${path} is not a valid admin credentials file`);
  }
  return { accessKeyId: parsed.accessKeyId, secretAccessKey: parsed.secretAccessKey };
}
