// The e2e suite's OpenID providers, run as their own Node process (oidc-provider and jose are ESM):
// real authorization servers built on the certified `oidc-provider` package, on loopback over HTTP.
//
// - /realms/e2e: stands in for Google (IDFED_GOOGLE_ISSUER and IDFED_GOOGLE_API_URL), with
//   Google's endpoint paths (/o/oauth2/v2/auth, /oauth2/v4/token). Beside the authorization-code
//   flow, its POST /mint hands tests ID tokens signed with the provider's own keys (RS256 and ES256)
//   for AssumeRoleWithWebIdentity; `forge: true` signs with a key it does not publish.
// - /oidc: a generic OpenID Connect provider (a pool's ProviderType OIDC).
// - /amazon: Login with Amazon's authorization (/ap/oa) and token (/auth/o2/token) endpoints and
//   its profile endpoint (/user/profile: user_id, name, email) over the provider's access tokens.
// - /facebook: Facebook's login dialog (/v17.0/dialog/oauth), Graph token endpoint by GET
//   (/v17.0/oauth/access_token, passed on to the provider's token endpoint as the POST it is) and
//   /v17.0/me?fields= (id, name, email) over the provider's access tokens.
//
// Relying parties register by dynamic client registration (POST <issuer>/reg). The sign-in page is
// one form (`login`, a button "Sign in"); signing in grants the scopes asked for (no consent page),
// and the account's claims are sub, email, email_verified and name, all in the ID token.
//
// - /people: Google's People API (/people/v1/people/me?personFields=, IDFED_GOOGLE_PEOPLE_API_URL):
//   the Bearer token is checked by the Google stand-in's own userinfo endpoint (oidc-provider), and
//   the answer is that account's person in the API's shape (resourceName people/<sub>, names,
//   emailAddresses, phoneNumbers, birthdays, genders, photos; each entry with metadata.primary),
//   the fields personFields asks for only (none or an unknown one: 400 INVALID_ARGUMENT, as Google
//   answers). Accounts whose login starts with `longname` have a 3000-character name; with
//   `peoplemixup` the API answers another person (a mixed-up answer idfed must refuse).
//
// - /apple: Sign in with Apple (/auth/authorize, /auth/token, /auth/keys, `form_post` answers).
//   Apple's client secret is an ES256 JWT from the developer's team key: a test tells the stand-in
//   a registered client's team, key id and public key (POST /apple/teams), and the token endpoint
//   checks the JWT (issuer the team, subject the client, audience the issuer, the key's signature)
//   before the provider sees the request with the client's registered secret.
//
//   node e2e/support/test-idp.server.mjs  ->  prints {"issuer":"...","oidcIssuer":"..."}
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT } from 'jose';
import Provider from 'oidc-provider';

const GOOGLE = '/realms/e2e';
const OIDC = '/oidc';

const keys = {
  RS256: { kid: 'rs256-1', ...(await generateKeyPair('RS256', { modulusLength: 2048, extractable: true })) },
  ES256: { kid: 'es256-1', ...(await generateKeyPair('ES256', { extractable: true })) },
};
const impostor = await generateKeyPair('RS256', { modulusLength: 2048 });
const privateJwks = {
  keys: await Promise.all(
    Object.entries(keys).map(async ([alg, k]) => ({
      ...(await exportJWK(k.privateKey)),
      kid: k.kid,
      alg,
      use: 'sig',
    })),
  ),
};

let origin = '';

async function mint(body) {
  const alg = body.alg ?? 'RS256';
  const key = keys[alg];
  if (!key) throw new Error(`unsupported alg ${alg}`);
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: `${origin}${GOOGLE}`, iat: now, exp: now + (body.expiresIn ?? 600), ...body.claims };
  const jwt = new SignJWT(claims).setProtectedHeader({ alg, kid: key.kid, typ: 'JWT' });
  return jwt.sign(body.forge ? impostor.privateKey : key.privateKey);
}

function send(res, status, value) {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function readForm(req) {
  return new Promise((resolve) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => resolve(new URLSearchParams(raw)));
  });
}

function makeProvider(issuer, routes) {
  const provider = new Provider(issuer, {
    jwks: privateJwks,
    routes: { jwks: '/protocol/openid-connect/certs', ...routes },
    features: {
      devInteractions: { enabled: false },
      registration: { enabled: true },
      userinfo: { enabled: true },
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], name: ['name'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['e2e-cookie-key'] },
    interactions: {
      url: (_ctx, interaction) => `${new URL(issuer).pathname}/interaction/${interaction.uid}`,
    },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, email: `${id}@example.com`, email_verified: true, name: `User ${id}` }),
    }),
    ttl: {
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 600,
      Grant: 600,
      AccessToken: 600,
      IdToken: 600,
    },
  });
  provider.proxy = false;
  return provider;
}

/** The sign-in page of an interaction, and its POST: signs in as `login` and grants what was asked. */
async function interaction(provider, base, req, res) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET') {
    const html = `<!DOCTYPE html><html><head><title>Stand-in sign-in</title></head><body>
<h1>Stand-in identity provider</h1>
<form method="post" action="${escape(`${base}/interaction/${details.uid}`)}">
<label for="login">Login</label><input id="login" name="login" autocomplete="off" required>
<button type="submit" id="signin">Sign in</button>
</form></body></html>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return res.end(html);
  }
  const form = await readForm(req);
  if (form.get('deny') === '1') {
    return provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'The user refused.' },
      { mergeWithLastSubmission: false },
    );
  }
  const accountId = form.get('login');
  const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
  grant.addOIDCScope(String(details.params.scope ?? 'openid'));
  const grantId = await grant.save();
  return provider.interactionFinished(
    req,
    res,
    { login: { accountId }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

const mounts = [];
/** Sign in with Apple clients' teams: client_id -> { clientSecret, teamId, keyId, jwk }. */
const appleTeams = new Map();

function readBody(req) {
  return new Promise((resolve) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => resolve(raw));
  });
}

/** Apple's token endpoint: the client secret JWT checked, then the exchange passed to the provider. */
async function appleToken(path, req, res) {
  const form = new URLSearchParams(await readBody(req));
  const team = appleTeams.get(form.get('client_id') ?? '');
  const refuse = () => send(res, 400, { error: 'invalid_client' });
  if (!team) return refuse();
  try {
    const { protectedHeader } = await jwtVerify(
      form.get('client_secret') ?? '',
      await importJWK(team.jwk, 'ES256'),
      {
        issuer: team.teamId,
        subject: form.get('client_id'),
        audience: `${origin}/apple`,
        algorithms: ['ES256'],
      },
    );
    if (protectedHeader.kid !== team.keyId) return refuse();
  } catch {
    return refuse();
  }
  form.set('client_secret', team.clientSecret);
  const answer = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-apple-secret-checked': '1' },
    body: form.toString(),
  });
  res.writeHead(answer.status, { 'content-type': 'application/json' });
  return res.end(await answer.text());
}

/** The account behind one of a provider's access tokens (Bearer), or undefined. */
async function accountOf(provider, req) {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const found = token && (await provider.AccessToken.find(token));
  return found && !found.isExpired ? found.accountId : undefined;
}

/** The non-OAuth endpoints of the Amazon and Facebook stand-ins, or false when the path is not one. */
async function socialEndpoint(base, provider, path, req, res) {
  const rest = path.slice(base.length);
  if (base === '/apple' && rest === '/teams' && req.method === 'POST') {
    const team = JSON.parse(await readBody(req));
    appleTeams.set(team.clientId, team);
    return send(res, 200, {});
  }
  if (
    base === '/apple' &&
    rest === '/auth/token' &&
    req.method === 'POST' &&
    !req.headers['x-apple-secret-checked']
  ) {
    return appleToken(path, req, res);
  }
  if (base === '/amazon' && rest === '/user/profile' && req.method === 'GET') {
    const id = await accountOf(provider, req);
    if (!id)
      return send(res, 401, { error: 'invalid_token', error_description: 'The access token is invalid' });
    return send(res, 200, { user_id: id, name: `User ${id}`, email: `${id}@example.com` });
  }
  if (base === '/facebook' && /^\/v[\d.]+\/me$/.test(rest) && req.method === 'GET') {
    const id = await accountOf(provider, req);
    if (!id)
      return send(res, 400, {
        error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 },
      });
    const all = { id, name: `User ${id}`, email: `${id}@example.com` };
    const fields = (new URL(req.url, 'http://x').searchParams.get('fields') ?? 'id,name').split(',');
    return send(res, 200, Object.fromEntries(Object.entries(all).filter(([k]) => fields.includes(k))));
  }
  if (base === '/facebook' && /^\/v[\d.]+\/oauth\/access_token$/.test(rest) && req.method === 'GET') {
    // Graph's token endpoint takes the exchange as a query: the provider's token endpoint gets it as a form.
    const query = new URL(req.url, 'http://x').searchParams;
    query.set('grant_type', 'authorization_code');
    const answer = await fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: query.toString(),
    });
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    return res.end(await answer.text());
  }
  return false;
}

const PERSON_FIELDS = ['names', 'emailAddresses', 'phoneNumbers', 'birthdays', 'genders', 'photos'];

/** The person the People API knows for an account id, in its documented shape. */
function personOf(id) {
  const primary = { primary: true, source: { type: 'PROFILE', id } };
  const name = id.startsWith('longname') ? 'L'.repeat(3000) : `User ${id}`;
  return {
    resourceName: `people/${id}`,
    etag: `%${Buffer.from(id).toString('base64url')}`,
    names: [{ metadata: primary, displayName: name, familyName: id, givenName: 'User' }],
    emailAddresses: [{ metadata: primary, value: `${id}@example.com` }],
    phoneNumbers: [
      { metadata: { primary: false }, value: '+44 20 7946 0000', canonicalForm: '+442079460000' },
      { metadata: primary, value: '(555) 010-0199', canonicalForm: '+15550100199', type: 'mobile' },
    ],
    birthdays: [{ metadata: primary, date: { year: 1990, month: 7, day: 14 } }],
    genders: [{ metadata: primary, value: 'female', formattedValue: 'Female' }],
    photos: [{ metadata: primary, url: `https://photos.example/${id}.jpg` }],
  };
}

/** GET /people/v1/people/me: the Bearer token's account, asked of the Google stand-in's userinfo. */
async function people(req, res) {
  const url = new URL(req.url, 'http://x');
  if (req.method !== 'GET' || url.pathname !== '/people/v1/people/me')
    return send(res, 404, { error: { code: 404, message: 'Not found', status: 'NOT_FOUND' } });
  const info = await fetch(`${origin}${GOOGLE}/me`, {
    headers: { authorization: req.headers.authorization ?? '' },
  });
  if (info.status !== 200)
    return send(res, 401, {
      error: {
        code: 401,
        message: 'Request had invalid authentication credentials.',
        status: 'UNAUTHENTICATED',
      },
    });
  const { sub } = await info.json();
  const fields = (url.searchParams.get('personFields') ?? '').split(',').filter(Boolean);
  if (fields.length === 0 || fields.some((f) => !PERSON_FIELDS.includes(f)))
    return send(res, 400, {
      error: { code: 400, message: 'Invalid personFields mask path.', status: 'INVALID_ARGUMENT' },
    });
  const person = personOf(sub.startsWith('peoplemixup') ? `${sub}-twin` : sub);
  return send(res, 200, {
    resourceName: person.resourceName,
    etag: person.etag,
    ...Object.fromEntries(fields.map((f) => [f, person[f]])),
  });
}

const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path.startsWith('/people/')) {
    people(req, res).catch((err) => send(res, 500, { error: String(err.message) }));
    return undefined;
  }
  if (req.method === 'POST' && path === '/mint') {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      mint(JSON.parse(raw || '{}')).then(
        (token) => send(res, 200, { token }),
        (err) => send(res, 400, { error: err.message }),
      );
    });
    return undefined;
  }
  for (const { base, provider, callback } of mounts) {
    if (path === base || path.startsWith(`${base}/`)) {
      if (path.startsWith(`${base}/interaction/`)) {
        return interaction(provider, base, req, res).catch((err) =>
          send(res, 400, { error: String(err.message) }),
        );
      }
      return socialEndpoint(base, provider, path, req, res).then(
        (handled) => {
          if (handled !== false) return undefined;
          req.originalUrl = req.url;
          req.url = req.url.slice(base.length) || '/';
          return callback(req, res);
        },
        (err) => send(res, 500, { error: String(err.message) }),
      );
    }
  }
  return send(res, 404, { error: 'not found' });
});

server.listen(0, '127.0.0.1', () => {
  origin = `http://127.0.0.1:${server.address().port}`;
  const google = makeProvider(`${origin}${GOOGLE}`, {
    authorization: '/o/oauth2/v2/auth',
    token: '/oauth2/v4/token',
  });
  const oidc = makeProvider(`${origin}${OIDC}`, {});
  const amazon = makeProvider(`${origin}/amazon`, { authorization: '/ap/oa', token: '/auth/o2/token' });
  const facebook = makeProvider(`${origin}/facebook`, {
    authorization: '/v17.0/dialog/oauth',
    token: '/v17.0/oauth/access_token',
  });
  const apple = makeProvider(`${origin}/apple`, {
    authorization: '/auth/authorize',
    token: '/auth/token',
    jwks: '/auth/keys',
  });
  mounts.push(
    { base: '/apple', provider: apple, callback: apple.callback() },
    { base: GOOGLE, provider: google, callback: google.callback() },
    { base: OIDC, provider: oidc, callback: oidc.callback() },
    { base: '/amazon', provider: amazon, callback: amazon.callback() },
    { base: '/facebook', provider: facebook, callback: facebook.callback() },
  );
  process.stdout.write(
    `${JSON.stringify({
      issuer: `${origin}${GOOGLE}`,
      oidcIssuer: `${origin}${OIDC}`,
      amazonUrl: `${origin}/amazon`,
      facebookUrl: `${origin}/facebook`,
      appleIssuer: `${origin}/apple`,
      peopleApiUrl: `${origin}/people`,
    })}\n`,
  );
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
