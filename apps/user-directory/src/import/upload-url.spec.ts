import { UploadUrlSigner } from './upload-url';

describe('UploadUrlSigner', () => {
  const signer = new UploadUrlSigner(Buffer.alloc(32, 7));
  const grant = { userPoolId: 'us-east-1_Abc', jobId: 'import-abcdefghij', expires: '1800000000' };
  const before = new Date(1_799_999_999_000);

  it('accepts its own signature until the expiry, and not after', () => {
    const signature = signer.sign(grant);
    expect(signer.check(grant, signature, before)).toBe('valid');
    expect(signer.check(grant, signature, new Date(1_800_000_000_000))).toBe('expired');
  });

  it('refuses a signature moved to another job, pool or expiry, or made with another key', () => {
    const signature = signer.sign(grant);
    expect(signer.check({ ...grant, jobId: 'import-otherjob01' }, signature, before)).toBe('forged');
    expect(signer.check({ ...grant, userPoolId: 'us-east-1_Other' }, signature, before)).toBe('forged');
    expect(signer.check({ ...grant, expires: '1900000000' }, signature, before)).toBe('forged');
    const other = new UploadUrlSigner(Buffer.alloc(32, 8));
    expect(signer.check(grant, other.sign(grant), before)).toBe('forged');
    expect(signer.check(grant, '', before)).toBe('forged');
  });

  it('puts the pool, the job, the expiry and the signature in the URL', () => {
    const url = new URL(signer.url('http://localhost:4566/', grant));
    expect(url.pathname).toBe('/user-import/us-east-1_Abc/import-abcdefghij');
    expect(url.searchParams.get('Expires')).toBe('1800000000');
    expect(url.searchParams.get('Signature')).toBe(signer.sign(grant));
  });
});
