import { checkLinks, isHttpsUrl } from './terms-rules';

describe('terms links', () => {
  it('keeps https links of the supported languages', () => {
    const links = {
      'cognito:default': 'https://example.com/terms',
      'cognito:spanish': 'https://example.com/es/términos',
    };
    expect(checkLinks(links)).toEqual(links);
  });

  it.each([
    ['javascript:', { 'cognito:default': 'javascript:alert(1)' }],
    ['http:', { 'cognito:default': 'http://example.com/terms' }],
    ['data:', { 'cognito:default': 'data:text/html,<script>alert(1)</script>' }],
    ['a relative link', { 'cognito:default': '/terms' }],
    ['a scheme-relative link', { 'cognito:default': '//example.com/terms' }],
    ['credentials', { 'cognito:default': 'https://user:pw@example.com/terms' }],
    ['a backslash host', { 'cognito:default': 'https:\\\\example.com' }],
    ['spaces', { 'cognito:default': 'https://example.com/a b' }],
    ['an unsupported language', { 'cognito:klingon': 'https://example.com/terms' }],
    ['no link', {}],
    ['a link too long', { 'cognito:default': `https://example.com/${'a'.repeat(1100)}` }],
    [
      'fourteen languages',
      Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`cognito:default${i}`, 'https://e.com'])),
    ],
    ['a list', ['https://example.com']],
  ])('refuses %s', (_, links) => {
    expect(() => checkLinks(links)).toThrow();
  });

  it('knows an https URL', () => {
    expect(isHttpsUrl('https://example.com')).toBe(true);
    expect(isHttpsUrl('HTTPS://example.com/x?y=<z>')).toBe(true);
    expect(isHttpsUrl('https://')).toBe(false);
  });
});
