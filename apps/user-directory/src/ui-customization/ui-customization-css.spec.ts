import { checkCss, logoType } from './ui-customization-css';

describe('UI customization CSS and logo', () => {
  it('accepts rules on the customizable classes with plain values', () => {
    const css =
      '.idpButton-customizable:hover { border: 1px solid #123; opacity: 0.9 } .legalText-customizable{color:gray}';
    expect(checkCss(css)).toBe(css);
  });

  it.each([
    ['another selector', 'a { color: red; }'],
    ['a property that loads', '.logo-customizable { background-image: none; }'],
    ['url()', '.logo-customizable { background-color: url(x); }'],
    ['markup', '.logo-customizable { color: red; }</style>'],
    ['an unclosed rule', '.logo-customizable { color: red;'],
    ['a nested selector', '.logo-customizable img { color: red; }'],
  ])('refuses %s', (_, css) => {
    expect(() => checkCss(css)).toThrow(/CSS is invalid/);
  });

  it('knows PNG and JPEG by their first bytes, and nothing else', () => {
    expect(logoType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]))).toBe('image/png');
    expect(logoType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(() => logoType(Buffer.from('<svg/>'))).toThrow();
  });
});
