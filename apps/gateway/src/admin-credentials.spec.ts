import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnv } from '@idfed/config';
import { loadOrCreateAdminCredentials } from './admin-credentials';

describe('loadOrCreateAdminCredentials', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'idfed-admin-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prefers the environment and writes no file', () => {
    const env = loadEnv({
      IDFED_DATA_DIR: dataDir,
      IDFED_ADMIN_ACCESS_KEY_ID: 'AKIAFROMENVIRONMENT1',
      IDFED_ADMIN_SECRET_ACCESS_KEY: 'secret-from-the-environment-0123456789ab',
    });
    expect(loadOrCreateAdminCredentials(env)).toEqual({
      credentials: {
        accessKeyId: 'AKIAFROMENVIRONMENT1',
        secretAccessKey: 'secret-from-the-environment-0123456789ab',
      },
      source: 'env',
      created: false,
    });
  });

  it('generates an AWS-shaped pair once, in a 0600 file, and reads it back afterwards', () => {
    const env = loadEnv({ IDFED_DATA_DIR: dataDir });
    const first = loadOrCreateAdminCredentials(env);
    expect(first.created).toBe(true);
    expect(first.path).toBe(join(dataDir, 'admin-credentials.json'));
    expect(first.credentials.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(first.credentials.secretAccessKey).toHaveLength(40);
    expect(statSync(first.path!).mode & 0o777).toBe(0o600);
    // The generated id passes the same validation as one given in the environment.
    expect(() =>
      loadEnv({
        IDFED_ADMIN_ACCESS_KEY_ID: first.credentials.accessKeyId,
        IDFED_ADMIN_SECRET_ACCESS_KEY: first.credentials.secretAccessKey,
      }),
    ).not.toThrow();

    const second = loadOrCreateAdminCredentials(env);
    expect(second).toEqual({ ...first, created: false });
    expect(JSON.parse(readFileSync(first.path!, 'utf8'))).toEqual(first.credentials);
  });

  it('names a damaged file without echoing its content', () => {
    writeFileSync(join(dataDir, 'admin-credentials.json'), 'not json but maybe-a-secret');
    const env = loadEnv({ IDFED_DATA_DIR: dataDir });
    expect(() => loadOrCreateAdminCredentials(env)).toThrow(/admin-credentials\.json is not a valid/);
    try {
      loadOrCreateAdminCredentials(env);
    } catch (err) {
      expect((err as Error).message).not.toContain('maybe-a-secret');
    }
  });
});
