import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A self-signed server certificate for localhost, `*.auth.localhost` and 127.0.0.1 made by the
 * openssl CLI in `dir` (`c.pem`, its key `k.pem`). `spki` is the certificate key's SHA-256
 * (Chromium's `--ignore-certificate-errors-spki-list`), `certificate` what a Node client trusts.
 */
export function selfSignedLocalhostCertificate(dir: string): {
  certificate: Buffer;
  key: Buffer;
  spki: string;
  certFile: string;
  keyFile: string;
} {
  const run = (args: string[], input?: Buffer) =>
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe', input });
  writeFileSync(
    join(dir, 'san.cnf'),
    [
      '[req]',
      'distinguished_name=dn',
      'x509_extensions=ext',
      'prompt=no',
      '[dn]',
      'CN=localhost',
      '[ext]',
      'subjectAltName=DNS:localhost,DNS:*.auth.localhost,IP:127.0.0.1',
      'extendedKeyUsage=serverAuth',
      '',
    ].join('\n'),
  );
  run([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'k.pem',
    '-out',
    'c.pem',
    '-days',
    '1',
    '-config',
    'san.cnf',
  ]);
  const certFile = join(dir, 'c.pem');
  const keyFile = join(dir, 'k.pem');
  const certificate = readFileSync(certFile);
  const key = readFileSync(keyFile);
  const der = run(['pkey', '-pubin', '-outform', 'der'], run(['x509', '-in', 'c.pem', '-pubkey', '-noout']));
  const spki = run(['dgst', '-sha256', '-binary'], der).toString('base64');
  return { certificate, key, spki, certFile, keyFile };
}
