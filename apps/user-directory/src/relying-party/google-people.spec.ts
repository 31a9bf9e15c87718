import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ProviderAnswerRefused, ProviderSignIn } from './federation-strategy';
import { peopleAttributes, peopleFieldsOf, readGooglePeople } from './google-people';

/** A loopback People API: `people/me` for the Bearer token `token-<id>`, as Google shapes it. */
describe('Google People API (attributes_url)', () => {
  let server: Server;
  let base = '';
  const seen: IncomingMessage[] = [];
  let answer: (req: IncomingMessage) => { status: number; body: string; location?: string };

  const person = (id: string) => ({
    resourceName: `people/${id}`,
    etag: '%EgUBAi43PRoEAQIFByIMR0xxRjJvY2ZsR289',
    names: [
      { metadata: { primary: false, source: { type: 'CONTACT', id } }, displayName: 'Old Name' },
      {
        metadata: { primary: true, source: { type: 'PROFILE', id } },
        displayName: 'Ada Lovelace',
        familyName: 'Lovelace',
        givenName: 'Ada',
      },
    ],
    phoneNumbers: [{ metadata: { primary: true }, value: '(555) 010-0100', canonicalForm: '+15550100100' }],
    birthdays: [{ metadata: { primary: true }, date: { year: 1815, month: 12, day: 10 } }],
    genders: [{ metadata: { primary: true }, value: 'female', formattedValue: 'Female' }],
    emailAddresses: [{ metadata: { primary: true }, value: 'ada@example.com' }],
  });

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req);
      const a = answer(req);
      res.writeHead(a.status, {
        'content-type': 'application/json',
        ...(a.location ? { location: a.location } : {}),
      });
      res.end(a.body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));
  beforeEach(() => {
    seen.length = 0;
    answer = (req) => {
      const token = /^Bearer token-(.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!token)
        return { status: 401, body: JSON.stringify({ error: { code: 401, status: 'UNAUTHENTICATED' } }) };
      return { status: 200, body: JSON.stringify(person(token)) };
    };
  });

  const signIn = (mapping: Record<string, string>, addAttributes = 'true'): ProviderSignIn => ({
    poolId: 'eu-west-1_abc',
    providerName: 'Google',
    type: 'Google',
    details: {
      client_id: 'c',
      attributes_url: `${base}/v1/people/me?personFields=`,
      attributes_url_add_attributes: addAttributes,
    },
    attributeMapping: mapping,
    secrets: { client_secret: 's' },
    callbackUrl: 'https://idfed.example/oauth2/idpresponse',
    state: 'S'.repeat(43),
    nonce: 'n',
    codeVerifier: 'v'.repeat(43),
  });
  const refusal = async (p: Promise<unknown>) => {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ProviderAnswerRefused);
    return (err as ProviderAnswerRefused).description;
  };

  it('asks people/me for the mapped People fields with the access token, reading the primary entries', async () => {
    const mapping = {
      email: 'email',
      name: 'names',
      phone_number: 'phoneNumbers',
      birthdate: 'birthdays',
      gender: 'genders',
    };
    const got = await readGooglePeople(signIn(mapping), 'token-1234', '1234', 5000);
    expect(got).toEqual({
      names: 'Ada Lovelace',
      phoneNumbers: '+15550100100',
      birthdays: '1815-12-10',
      genders: 'female',
    });
    expect(seen).toHaveLength(1);
    const url = new URL(seen[0].url!, base);
    expect(url.pathname).toBe('/v1/people/me');
    expect(url.searchParams.get('personFields')).toBe('names,phoneNumbers,birthdays,genders');
    expect(seen[0].headers.authorization).toBe('Bearer token-1234');
  });

  it('does not call the People API when the mapping reads only the ID token', async () => {
    expect(await readGooglePeople(signIn({ email: 'email' }), 'token-1', '1', 5000)).toEqual({});
    expect(seen).toHaveLength(0);
  });

  it('refuses an answer about another user than the ID token’s subject', async () => {
    expect(await refusal(readGooglePeople(signIn({ name: 'names' }), 'token-other', '1234', 5000))).toBe(
      'The provider’s answer is about another user.',
    );
  });

  it('refuses a refused token, a redirect, non-JSON, an oversized answer and no token', async () => {
    expect(await refusal(readGooglePeople(signIn({ name: 'names' }), 'forged', '1', 5000))).toBe(
      'The provider refused the access token.',
    );
    answer = () => ({ status: 302, body: '{}', location: 'http://127.0.0.1:1/' });
    expect(await refusal(readGooglePeople(signIn({ name: 'names' }), 'token-1', '1', 5000))).toBe(
      'The provider refused the access token.',
    );
    answer = () => ({ status: 200, body: '<html>' });
    expect(await refusal(readGooglePeople(signIn({ name: 'names' }), 'token-1', '1', 5000))).toBe(
      'The provider’s answer is not JSON.',
    );
    answer = () => ({
      status: 200,
      body: JSON.stringify({ ...person('1'), names: [{ displayName: 'x'.repeat(70_000) }] }),
    });
    expect(await refusal(readGooglePeople(signIn({ name: 'names' }), 'token-1', '1', 5000))).toBe(
      'The provider’s answer is too large.',
    );
    expect(await refusal(readGooglePeople(signIn({ name: 'names' }), undefined, '1', 5000))).toBe(
      'The provider gave no access token.',
    );
  });

  it('keeps attributes_url as given when attributes_url_add_attributes is false', async () => {
    await readGooglePeople(signIn({ name: 'names' }, 'false'), 'token-1', '1', 5000);
    expect(new URL(seen[0].url!, base).searchParams.get('personFields')).toBe('');
  });

  it('derives fields and values as documented', () => {
    expect(peopleFieldsOf({ a: 'photos', b: 'email', c: 'names', d: 'photos' })).toEqual(['names', 'photos']);
    expect(
      peopleAttributes(
        {
          birthdays: [{ date: { month: 2, day: 29 } }],
          photos: [{ url: 'https://lh3.example/p.jpg' }],
          names: 'not a list',
          genders: [null, 7],
        },
        ['birthdays', 'photos', 'names', 'genders'],
      ),
    ).toEqual({ birthdays: '0000-02-29', photos: 'https://lh3.example/p.jpg' });
  });
});
