import { issuerUrlKey, parseProviderUrl } from './provider-url';

describe('OIDC provider URLs', () => {
  it.each([
    ['https://server.example.com', 'https://server.example.com', 'server.example.com'],
    ['https://server.example.com/', 'https://server.example.com', 'server.example.com'],
    [
      'https://Server.Example.com/tenant/v2',
      'https://server.example.com/tenant/v2',
      'server.example.com/tenant/v2',
    ],
    ['http://127.0.0.1:8443/idp', 'http://127.0.0.1:8443/idp', '127.0.0.1:8443/idp'],
    ['http://localhost:9000', 'http://localhost:9000', 'localhost:9000'],
  ])('%s names issuer %s and key %s', (text, issuer, urlKey) => {
    expect(parseProviderUrl(text)).toEqual({ issuer, urlKey });
  });

  it.each([
    'http://idp.example.com',
    'ftp://idp.example.com',
    'https://user:pw@idp.example.com',
    'https://idp.example.com/?x=1',
    'https://idp.example.com/#frag',
    'idp.example.com',
    '',
  ])('refuses %p', (text) => {
    expect(parseProviderUrl(text)).toBeUndefined();
  });

  it('normalises a token issuer the same way', () => {
    expect(issuerUrlKey('https://server.example.com/')).toBe('server.example.com');
    expect(issuerUrlKey('not a url')).toBeUndefined();
  });
});
