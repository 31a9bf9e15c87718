/** The canonicalisation building blocks, case by case (the vectors cover the common paths). */
import {
  canonicalHeaderValue,
  canonicalPath,
  canonicalQueryString,
  canonicalRequest,
  EMPTY_SHA256,
  formatAmzDate,
  parseAmzDate,
  parseQuery,
  sha256Hex,
  stringToSign,
  uriEncode,
} from './index';
import { parseHttpDate } from './time';
import { percentDecode } from './uri';

describe('canonicalPath (normalised, double-encoded: every service but S3)', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['/./', '/'],
    ['/..', '/'],
    ['/../..', '/'],
    ['//example//', '/example/'],
    ['/example/..', '/'],
    ['/a/./b/../c', '/a/c'],
    ['/a/b/', '/a/b/'],
    ['/a/b/.', '/a/b'],
    ['/foo%20bar', '/foo%2520bar'],
    ['/a%2Fb', '/a%252Fb'],
    ['/a%2fb/c', '/a%252fb/c'],
    ['/ሴ', '/%E1%88%B4'],
    ['/%E1%88%B4', '/%25E1%2588%25B4'],
    ['/a b', '/a%20b'],
    ["/!'()*", '/%21%27%28%29%2A'],
    ['/-_.~', '/-_.~'],
    ['/a+b=c;d,e:f@g$h&i', '/a%2Bb%3Dc%3Bd%2Ce%3Af%40g%24h%26i'],
  ])('%j -> %j', (raw, expected) => {
    expect(canonicalPath(raw)).toBe(expected);
  });
});

describe('canonicalPath (S3: as sent, encoding canonicalised once)', () => {
  it.each([
    ['/', '/'],
    ['/a/./b//c/../', '/a/./b//c/../'],
    ['/foo%20bar', '/foo%20bar'],
    ['/a%2Fb', '/a%2Fb'],
    ['/a%2fb', '/a%2Fb'],
    ['/%e1%88%b4', '/%E1%88%B4'],
    ['/ሴ', '/%E1%88%B4'],
    ['/%7Euser', '/~user'],
    ['/a b!', '/a%20b%21'],
    ['/100%', '/100%25'],
  ])('%j -> %j', (raw, expected) => {
    expect(canonicalPath(raw, false)).toBe(expected);
  });
});

describe('canonical query string', () => {
  const canon = (q: string, omit?: string): string => canonicalQueryString(parseQuery(q), omit);

  it.each([
    ['', ''],
    ['b=2&a=1', 'a=1&b=2'],
    ['a=2&a=1&a=10', 'a=1&a=10&a=2'], // duplicate keys: by value
    ['a=&b', 'a=&b='], // empty values, a key without '='
    ['&&a=1&', 'a=1'], // empty pieces dropped
    ['a-b=1&a=2', 'a=2&a-b=1'], // by key first, not by "key=value"
    ['b=1&B=2&a=3', 'B=2&a=3&b=1'], // code-point order: upper case first
    ['Param-3=Value3&Param=Value2&%E1%88%B4=Value1', '%E1%88%B4=Value1&Param=Value2&Param-3=Value3'],
    ['a=b=c', 'a=b%3Dc'],
    ['a=x%20y', 'a=x%20y'],
    ['a=x y', 'a=x%20y'],
    ['a=b+c', 'a=b%2Bc'], // '+' is a literal plus (SDKs encode spaces as %20)
    ['a=%7e%7E', 'a=~~'],
    ['k=%2f', 'k=%2F'],
    ['a=%zz&b=%', 'a=%25zz&b=%25'], // stray '%' kept as data
    ['a=%FF', 'a=%FF'], // invalid UTF-8 survives byte for byte
    ['a=!*()', 'a=%21%2A%28%29'],
    ['ሴ=ሴ', '%E1%88%B4=%E1%88%B4'],
    [
      'X-Amz-Credential=AKID%2F20150830%2Fus-east-1%2Fsts%2Faws4_request',
      'X-Amz-Credential=AKID%2F20150830%2Fus-east-1%2Fsts%2Faws4_request',
    ],
  ])('%j -> %j', (raw, expected) => {
    expect(canon(raw)).toBe(expected);
  });

  it('omits X-Amz-Signature in the presigned form only', () => {
    expect(canon('X-Amz-Signature=abc&a=1', 'X-Amz-Signature')).toBe('a=1');
    expect(canon('X-Amz-Signature=abc&a=1')).toBe('X-Amz-Signature=abc&a=1');
    expect(canon('X-Amz-Signature=abc&x-amz-signature=1', 'X-Amz-Signature')).toBe('x-amz-signature=1');
  });

  it('exposes decoded names and values for lookups', () => {
    expect(parseQuery('X-Amz-Credential=AKID%2Fx&e')).toEqual([
      {
        name: 'X-Amz-Credential',
        value: 'AKID/x',
        encodedName: 'X-Amz-Credential',
        encodedValue: 'AKID%2Fx',
      },
      { name: 'e', value: '', encodedName: 'e', encodedValue: '' },
    ]);
  });
});

describe('URI encoding helpers', () => {
  it('uriEncode encodes everything but the unreserved set, including % and /', () => {
    expect(uriEncode('AKID/20150830/us-east-1/service/aws4_request')).toBe(
      'AKID%2F20150830%2Fus-east-1%2Fservice%2Faws4_request',
    );
    expect(uriEncode('host;x-amz-date')).toBe('host%3Bx-amz-date');
    expect(uriEncode('100% ሴ')).toBe('100%25%20%E1%88%B4');
    expect(uriEncode('\ud800')).toBe('%EF%BF%BD'); // a lone surrogate does not throw
  });

  it('percentDecode decodes valid escapes only', () => {
    expect(percentDecode('%41%4a%2')).toEqual(Buffer.from('AJ%2'));
    expect(percentDecode('ሴ%20')).toEqual(Buffer.from('ሴ ', 'utf8'));
  });
});

describe('canonical header values', () => {
  it.each([
    [['value'], 'value'],
    [['  a   b  '], 'a b'],
    [['a\t \tb'], 'a b'],
    [['v1', ' v2 '], 'v1,v2'],
    [['"a   b"'], '"a b"'], // quotes do not protect spaces (current spec and SDKs)
    [[''], ''],
    [[], ''],
  ])('%j -> %j', (values, expected) => {
    expect(canonicalHeaderValue(values)).toBe(expected);
  });
});

describe('canonicalRequest', () => {
  const base = {
    method: 'POST',
    path: '/',
    query: '',
    signedHeaders: ['content-type', 'host', 'x-amz-date'],
    payloadHash: sha256Hex('{}'),
  };
  const expected =
    'POST\n/\n\ncontent-type:application/x-amz-json-1.1\nhost:cognito-idp.us-east-1.amazonaws.com\n' +
    `x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n${sha256Hex('{}')}`;

  it('looks headers up case-insensitively', () => {
    const lower = {
      'content-type': 'application/x-amz-json-1.1',
      host: 'cognito-idp.us-east-1.amazonaws.com',
      'x-amz-date': '20150830T123600Z',
    };
    const mixed = {
      'Content-Type': 'application/x-amz-json-1.1',
      HOST: 'cognito-idp.us-east-1.amazonaws.com',
      'X-Amz-Date': '20150830T123600Z',
    };
    expect(canonicalRequest({ ...base, headers: lower })).toBe(expected);
    expect(canonicalRequest({ ...base, headers: mixed })).toBe(expected);
  });

  it('merges differently-cased copies of a header instead of picking one', () => {
    const creq = canonicalRequest({
      ...base,
      signedHeaders: ['host'],
      headers: { Host: 'a.example', host: 'b.example' },
    });
    expect(creq).toContain('\nhost:a.example,b.example\n');
  });

  it('gives a signed but absent header an empty value', () => {
    expect(
      canonicalRequest({ ...base, signedHeaders: ['host', 'x-missing'], headers: { host: 'h' } }),
    ).toContain('\nhost:h\nx-missing:\n\nhost;x-missing\n');
  });

  it('string to sign hashes the canonical request', () => {
    expect(stringToSign('20150830T123600Z', '20150830/us-east-1/iam/aws4_request', '')).toBe(
      `AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n${EMPTY_SHA256}`,
    );
  });
});

describe('timestamps', () => {
  it('parses and formats the ISO 8601 basic form', () => {
    expect(parseAmzDate('20150830T123600Z')).toEqual(new Date('2015-08-30T12:36:00Z'));
    expect(formatAmzDate(new Date('2015-08-30T12:36:00.999Z'))).toBe('20150830T123600Z');
  });

  it.each([
    '2015-08-30T12:36:00Z',
    '20150830T123600',
    '20150830T1236Z',
    '20150230T123600Z',
    '20151330T123600Z',
    '20150830T246000Z',
    '',
  ])('rejects %j', (value) => {
    expect(parseAmzDate(value)).toBeUndefined();
  });

  it('parses an HTTP IMF-fixdate (or the basic form) and nothing looser', () => {
    expect(parseHttpDate('Sun, 30 Aug 2015 12:36:00 GMT')).toEqual(new Date('2015-08-30T12:36:00Z'));
    expect(parseHttpDate('20150830T123600Z')).toEqual(new Date('2015-08-30T12:36:00Z'));
    expect(parseHttpDate('Mon, 30 Aug 2015 12:36:00 GMT')).toBeUndefined(); // wrong weekday
    expect(parseHttpDate('Sun, 31 Feb 2015 12:36:00 GMT')).toBeUndefined();
    expect(parseHttpDate('2015')).toBeUndefined();
    expect(parseHttpDate('Sunday, 30-Aug-15 12:36:00 GMT')).toBeUndefined();
  });
});
