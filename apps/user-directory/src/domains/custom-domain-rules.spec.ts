import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDomainRequest } from './domain-rules';

const ARN = (id: string) => `arn:aws:acm:us-east-1:000000000000:certificate/${id}`;

/** The custom-domain checks of Create/UpdateUserPoolDomain (ADR 0049), with certificates made by openssl. */
describe('custom domain rules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idfed-cert-rules-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const settings = { certDir: dir, authDomainSuffix: 'auth.localhost' };
  const request = (Domain: string, CertificateArn?: string) => ({
    UserPoolId: 'us-east-1_abc',
    Domain,
    ...(CertificateArn ? { CustomDomainConfig: { CertificateArn } } : {}),
  });

  beforeAll(() => {
    const selfSigned = (id: string, san: string, days = '1') => {
      run(
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${id}.key`,
        '-out',
        `${id}.pem`,
        '-days',
        days,
        '-subj',
        '/CN=x',
        '-addext',
        `subjectAltName=${san}`,
      );
    };
    selfSigned('good', 'DNS:auth.example.test');
    selfSigned('wildcard', 'DNS:*.example.test');
    selfSigned('other', 'DNS:other.test');
    selfSigned('mismatch', 'DNS:auth.example.test');
    run('genpkey', '-algorithm', 'RSA', '-out', 'mismatch.key');
    writeFileSync(join(dir, 'garbage.pem'), 'not a certificate');
    writeFileSync(join(dir, 'garbage.key'), 'not a key');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts a certificate that covers the name (exactly or by wildcard) with its key', () => {
    expect(checkDomainRequest(request('auth.example.test', ARN('good')), settings)).toBe(1);
    expect(checkDomainRequest(request('login.example.test', ARN('wildcard')), settings)).toBe(1);
  });

  it.each([
    ['auth.example.test', ARN('missing'), /not found/],
    ['auth.example.test', ARN('other'), /does not cover/],
    ['auth.example.test', ARN('mismatch'), /do not match/],
    ['auth.example.test', ARN('garbage'), /cannot be read/],
    ['auth.example.test', 'arn:aws:acm:eu-west-1:000000000000:certificate/good', /us-east-1/],
    ['auth.example.test', `${ARN('..')}/good`, /us-east-1/],
    ['a.b.auth.localhost', ARN('good'), /suffix/],
    ['prefix', ARN('good'), /fully qualified/],
    ['auth.example.test', undefined, /needs CustomDomainConfig/],
  ])('refuses %s with %s', (domain, arn, message) => {
    expect(() => checkDomainRequest(request(domain, arn), settings)).toThrow(message);
  });

  it('refuses every custom domain when no certificate directory is configured', () => {
    expect(() =>
      checkDomainRequest(request('auth.example.test', ARN('good')), { authDomainSuffix: 'auth.localhost' }),
    ).toThrow(/not enabled/);
  });

  it('lets UpdateUserPoolDomain keep a custom domain certificate, and still checks a new one', () => {
    expect(checkDomainRequest(request('auth.example.test'), settings, 'update')).toBe(1);
    expect(() => checkDomainRequest(request('auth.example.test', ARN('other')), settings, 'update')).toThrow(
      /does not cover/,
    );
  });
});
