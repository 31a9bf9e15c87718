import {
  checkAssets,
  checkSettings,
  DEFAULT_SETTINGS,
  matchesExtension,
  MAX_SETTINGS_BYTES,
  mergeSettings,
} from './branding-rules';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const svg = (text: string) => Buffer.from(text).toString('base64');

describe('managed login branding rules', () => {
  it('keeps a Settings document with hex colours and plain values as given', () => {
    const settings = {
      components: {
        primaryButton: { lightMode: { defaults: { backgroundColor: '0972d3ff', textColor: 'ffffff' } } },
      },
      categories: { global: { colorSchemeMode: 'LIGHT', pageHeader: { enabled: false } } },
      list: [1, 'two', true, null],
    };
    expect(checkSettings(settings)).toBe(settings);
    for (const colorSchemeMode of ['LIGHT', 'DARK', 'DYNAMIC']) {
      const dark = {
        categories: { global: { colorSchemeMode } },
        components: { pageBackground: { darkMode: { color: '0f1b2aff' } } },
      };
      expect(checkSettings(dark)).toBe(dark);
    }
    expect(() => checkSettings(DEFAULT_SETTINGS)).not.toThrow();
  });

  it.each([
    ['a list', [1, 2]],
    ['a string', 'x'],
    ['a colour that is not hex', { components: { form: { lightMode: { backgroundColor: 'red' } } } }],
    ['a colour with markup', { color: '"><script>' }],
    ['markup in a string', { components: { form: { text: '<img src=x onerror=alert(1)>' } } }],
    ['a control character', { name: 'a\u0000b' }],
    ['a member name with markup', { '<b>': 1 }],
    ['a member named __proto__', JSON.parse('{"components":{"__proto__":{"polluted":true}}}') as unknown],
    ['a member named constructor', { components: { constructor: { x: 1 } } }],
    ['an unknown colorSchemeMode', { categories: { global: { colorSchemeMode: 'dark' } } }],
    [
      'a colorSchemeMode carrying CSS',
      { categories: { global: { colorSchemeMode: 'DARK;}body{color:red' } } },
    ],
    ['a colorSchemeMode that is not a string', { categories: { global: { colorSchemeMode: ['DARK'] } } }],
    [
      'a dark colour with CSS',
      { components: { form: { darkMode: { backgroundColor: '000000;}body{x:y' } } } },
    ],
    [
      'a dark colour with markup',
      { componentClasses: { link: { darkMode: { defaults: { textColor: '</style><script>' } } } } },
    ],
    ['too deep a document', JSON.parse('{"a":'.repeat(20) + '1' + '}'.repeat(20)) as unknown],
    ['too large a document', { big: Array.from({ length: 100 }, () => 'x'.repeat(2000)) }],
  ])('refuses %s', (_, settings) => {
    expect(() => checkSettings(settings)).toThrow(/Settings is invalid/);
  });

  it('holds the size limit to the serialized document', () => {
    expect(MAX_SETTINGS_BYTES).toBe(131072);
  });

  it('lays settings on others member by member, replacing anything but objects', () => {
    expect(mergeSettings({ a: { b: 1, c: [1] }, d: 'x' }, { a: { c: [2], e: 3 } })).toEqual({
      a: { b: 1, c: [2], e: 3 },
      d: 'x',
    });
    const merged = mergeSettings(DEFAULT_SETTINGS, {
      components: { pageBackground: { lightMode: { color: '000000ff' } } },
    });
    expect(merged).toMatchObject({
      components: {
        pageBackground: { lightMode: { color: '000000ff' }, image: { enabled: true } },
        primaryButton: { lightMode: { defaults: { backgroundColor: '0972d3ff' } } },
      },
    });
    expect(() => checkSettings(merged)).not.toThrow();
  });

  it('takes images whose bytes are of their Extension', () => {
    expect(
      checkAssets(
        [
          { Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: PNG.toString('base64') },
          {
            Category: 'FAVICON_SVG',
            ColorMode: 'DYNAMIC',
            Extension: 'SVG',
            Bytes: svg('<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>'),
          },
        ],
        true,
      ).map((a) => [a.category, a.colorMode, a.extension, a.bytes?.length]),
    ).toEqual([
      ['FORM_LOGO', 'LIGHT', 'PNG', PNG.length],
      ['FAVICON_SVG', 'DYNAMIC', 'SVG', 61],
    ]);
  });

  it.each([
    [
      'PNG bytes named JPEG',
      [{ Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'JPEG', Bytes: PNG.toString('base64') }],
    ],
    [
      'an SVG with a script',
      [
        {
          Category: 'FORM_LOGO',
          ColorMode: 'LIGHT',
          Extension: 'SVG',
          Bytes: svg('<svg><script>alert(1)</script></svg>'),
        },
      ],
    ],
    [
      'an SVG with an event handler',
      [
        {
          Category: 'FORM_LOGO',
          ColorMode: 'LIGHT',
          Extension: 'SVG',
          Bytes: svg('<svg onload="alert(1)"/>'),
        },
      ],
    ],
    [
      'an SVG linking out',
      [
        {
          Category: 'FORM_LOGO',
          ColorMode: 'LIGHT',
          Extension: 'SVG',
          Bytes: svg('<svg><image href="https://evil.example/x.png"/></svg>'),
        },
      ],
    ],
    [
      'HTML named SVG',
      [
        {
          Category: 'FORM_LOGO',
          ColorMode: 'LIGHT',
          Extension: 'SVG',
          Bytes: svg('<html><body>hi</body></html>'),
        },
      ],
    ],
    [
      'two images of one category and mode',
      [
        { Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: PNG.toString('base64') },
        { Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: PNG.toString('base64') },
      ],
    ],
    [
      'an image over a megabyte',
      [
        {
          Category: 'FORM_LOGO',
          ColorMode: 'LIGHT',
          Extension: 'PNG',
          Bytes: Buffer.concat([PNG, Buffer.alloc(1_000_000)]).toString('base64'),
        },
      ],
    ],
    [
      'an unknown category',
      [{ Category: 'BANNER', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: PNG.toString('base64') }],
    ],
    ['no bytes where they are required', [{ Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG' }]],
    [
      '41 images',
      Array.from({ length: 41 }, () => ({ Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG' })),
    ],
  ])('refuses %s', (_, assets) => {
    expect(() => checkAssets(assets, true)).toThrow();
  });

  it('lets an update name an image without its bytes', () => {
    expect(checkAssets([{ Category: 'FORM_LOGO', ColorMode: 'DARK', Extension: 'PNG' }], false)).toEqual([
      { category: 'FORM_LOGO', colorMode: 'DARK', extension: 'PNG' },
    ]);
  });

  it('knows ICO, JPEG and WEBP by their first bytes', () => {
    expect(matchesExtension(Buffer.from([0, 0, 1, 0, 1, 0]), 'ICO')).toBe(true);
    expect(matchesExtension(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'JPEG')).toBe(true);
    expect(matchesExtension(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), 'WEBP')).toBe(true);
    expect(matchesExtension(Buffer.from('RIFF\x10\x00\x00\x00AVI ', 'latin1'), 'WEBP')).toBe(false);
    expect(matchesExtension(PNG, 'GIF')).toBe(false);
  });
});
