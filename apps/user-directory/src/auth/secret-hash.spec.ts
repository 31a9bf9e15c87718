import { secretHash, secretHashMatches } from './secret-hash';

describe('SECRET_HASH', () => {
  it('is Base64(HMAC-SHA256(secret, username + clientId))', () => {
    // Computed independently with Python's hmac module.
    expect(secretHash('1example23secret456', 'alice', '7exampleclientid')).toBe(
      'u+DZmO6BziMc+KBgDy50dEYq2yPfQ8LN8e+Kn5H/als=',
    );
  });

  it('compares in constant time and rejects near misses', () => {
    const h = secretHash('secret', 'alice', 'client');
    expect(secretHashMatches(h, h)).toBe(true);
    expect(secretHashMatches(h, secretHash('secret', 'alicf', 'client'))).toBe(false);
    expect(secretHashMatches(h, h.slice(1))).toBe(false);
  });
});
