import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnv } from '@idfed/config';
import { loadSessionTokenKey } from './session-token-key.loader';

describe('loadSessionTokenKey', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'idfed-stk-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prefers IDFED_SESSION_TOKEN_KEY', () => {
    const key = Buffer.alloc(32, 9);
    const env = loadEnv({ IDFED_DATA_DIR: dataDir, IDFED_SESSION_TOKEN_KEY: key.toString('base64') });
    expect(loadSessionTokenKey(env)).toEqual(key);
  });

  it('otherwise makes a 0600 file once and reads it back, so every process on the data dir agrees', () => {
    const env = loadEnv({ IDFED_DATA_DIR: dataDir });
    const messages: string[] = [];
    const first = loadSessionTokenKey(env, (m) => messages.push(m));
    expect(first).toHaveLength(32);
    expect(statSync(join(dataDir, 'session-token-key')).mode & 0o777).toBe(0o600);
    expect(loadSessionTokenKey(env, (m) => messages.push(m))).toEqual(first);
    expect(messages).toHaveLength(1);
  });

  it('refuses a damaged file', () => {
    writeFileSync(join(dataDir, 'session-token-key'), 'c2hvcnQ=');
    expect(() => loadSessionTokenKey(loadEnv({ IDFED_DATA_DIR: dataDir }))).toThrow(/32-byte/);
  });
});
