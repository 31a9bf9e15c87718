import { randomBytes } from 'node:crypto';
import { dataPath, IdfedEnv, readOrCreateSecretFile } from '@idfed/config';
import { AdminCredentials } from './gateway.options';

export interface LoadedAdminCredentials {
  credentials: AdminCredentials;
  /** Where they came from: the environment, or a file under the data directory. */
  source: 'env' | 'file';
  /** The file, when source is 'file'. Safe to print; the secret inside it is not. */
  path?: string;
  /** True only on the run that generated the file, so the caller can tell the operator where it is. */
  created: boolean;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `AKIA` + 16 base-32 characters: the shape of an AWS long-term access key id, so tools accept it. */
function generateAccessKeyId(): string {
  return `AKIA${[...randomBytes(16)].map((b) => BASE32[b % 32]).join('')}`;
}

/**
 * The admin key pair: IDFED_ADMIN_ACCESS_KEY_ID / IDFED_ADMIN_SECRET_ACCESS_KEY when set, else a
 * pair generated once and kept in `<dataDir>/admin-credentials.json` (0600). Distributed
 * deployments with several gateway replicas must set the variables, or every replica would
 * generate its own pair. Shared with the embedded launcher so both modes find the same file.
 */
export function loadOrCreateAdminCredentials(env: IdfedEnv): LoadedAdminCredentials {
  if (env.adminAccessKeyId && env.adminSecretAccessKey) {
    return {
      credentials: { accessKeyId: env.adminAccessKeyId, secretAccessKey: env.adminSecretAccessKey },
      source: 'env',
      created: false,
    };
  }
  const path = dataPath(env.dataDir, 'admin-credentials.json');
  const { value, created } = readOrCreateSecretFile(path, () =>
    JSON.stringify({
      accessKeyId: generateAccessKeyId(),
      // 30 random bytes are exactly 40 base64 characters, the length of an AWS secret key.
      secretAccessKey: randomBytes(30).toString('base64'),
    }),
  );
  return { credentials: parseCredentialsFile(value, path), source: 'file', path, created };
}

function parseCredentialsFile(text: string, path: string): AdminCredentials {
  let parsed: Partial<AdminCredentials> | undefined;
  try {
    parsed = JSON.parse(text) as Partial<AdminCredentials>;
  } catch {
    parsed = undefined;
  }
  if (typeof parsed?.accessKeyId !== 'string' || typeof parsed.secretAccessKey !== 'string') {
    // Never echo the content: it is (or was meant to be) a secret.
    throw new Error(`${path} is not a valid admin credentials file; delete it to generate a new pair`);
  }
  return { accessKeyId: parsed.accessKeyId, secretAccessKey: parsed.secretAccessKey };
}
