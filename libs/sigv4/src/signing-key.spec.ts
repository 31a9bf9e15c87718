/** Signing-key derivation (AWS documentation examples) and the bounded LRU in front of it. */
import { deriveSigningKey, SigningKeyCache } from './index';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

describe('deriveSigningKey', () => {
  it.each([
    ['20120215', 'us-east-1', 'iam', 'f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d'],
    ['20150830', 'us-east-1', 'iam', 'c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9'],
  ])('matches the AWS example for %s/%s/%s', (date, region, service, expected) => {
    expect(deriveSigningKey(SECRET, date, region, service).toString('hex')).toBe(expected);
  });
});

describe('SigningKeyCache', () => {
  it('returns the cached key on a hit and the derived value either way', () => {
    const cache = new SigningKeyCache(4);
    const first = cache.get(SECRET, '20150830', 'us-east-1', 'iam');
    expect(cache.get(SECRET, '20150830', 'us-east-1', 'iam')).toBe(first);
    expect(first).toEqual(deriveSigningKey(SECRET, '20150830', 'us-east-1', 'iam'));
  });

  it('keys on the secret, so a rotated secret never gets a stale key', () => {
    const cache = new SigningKeyCache(4);
    const a = cache.get(SECRET, '20150830', 'us-east-1', 'iam');
    const b = cache.get(`${SECRET}2`, '20150830', 'us-east-1', 'iam');
    expect(b).not.toEqual(a);
    expect(cache.size).toBe(2);
  });

  it('keys on every scope part', () => {
    const cache = new SigningKeyCache(8);
    const keys = [
      cache.get(SECRET, '20150830', 'us-east-1', 'iam'),
      cache.get(SECRET, '20150831', 'us-east-1', 'iam'),
      cache.get(SECRET, '20150830', 'us-east-2', 'iam'),
      cache.get(SECRET, '20150830', 'us-east-1', 'sts'),
    ];
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(4);
  });

  it('cannot be confused by separators inside client-supplied scope parts', () => {
    const cache = new SigningKeyCache(8);
    const a = cache.get(SECRET, '20150830', 'a:b', 'c');
    const b = cache.get(SECRET, '20150830', 'a', 'b:c');
    expect(b).toEqual(deriveSigningKey(SECRET, '20150830', 'a', 'b:c'));
    expect(b).not.toEqual(a);
  });

  it('stays bounded and evicts the least recently used entry', () => {
    const cache = new SigningKeyCache(2);
    const a = cache.get(SECRET, '20150830', 'us-east-1', 'a');
    const b = cache.get(SECRET, '20150830', 'us-east-1', 'b');
    expect(cache.get(SECRET, '20150830', 'us-east-1', 'a')).toBe(a); // a is now the most recent
    cache.get(SECRET, '20150830', 'us-east-1', 'c'); // evicts b
    expect(cache.size).toBe(2);
    expect(cache.get(SECRET, '20150830', 'us-east-1', 'a')).toBe(a);
    const b2 = cache.get(SECRET, '20150830', 'us-east-1', 'b');
    expect(b2).not.toBe(b);
    expect(b2).toEqual(b);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
