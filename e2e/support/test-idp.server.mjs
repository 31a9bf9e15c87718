// A small OpenID Connect identity provider for the e2e suite, run as its own Node process (jose is
// used as ESM). It serves what AssumeRoleWithWebIdentity needs from a real IdP, over HTTP on
// loopback: the discovery document and the key set (RS256 and ES256 keys). Tests ask it for ID
// tokens on POST /mint, signed with its real keys; `sign: false` signs with a key it does not
// publish, to prove that forged tokens are refused.
//
//   node e2e/support/test-idp.server.mjs  ->  prints {"issuer":"http://127.0.0.1:<port>/realms/e2e"}
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

const REALM = '/realms/e2e';

const keys = {
  RS256: { kid: 'rs256-1', ...(await generateKeyPair('RS256', { modulusLength: 2048 })) },
  ES256: { kid: 'es256-1', ...(await generateKeyPair('ES256')) },
};
const impostor = await generateKeyPair('RS256', { modulusLength: 2048 });
const jwks = {
  keys: await Promise.all(
    Object.entries(keys).map(async ([alg, k]) => ({
      ...(await exportJWK(k.publicKey)),
      kid: k.kid,
      alg,
      use: 'sig',
    })),
  ),
};

let issuer = '';

async function mint(body) {
  const alg = body.alg ?? 'RS256';
  const key = keys[alg];
  if (!key) throw new Error(`unsupported alg ${alg}`);
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: issuer, iat: now, exp: now + (body.expiresIn ?? 600), ...body.claims };
  const jwt = new SignJWT(claims).setProtectedHeader({ alg, kid: key.kid, typ: 'JWT' });
  return jwt.sign(body.forge ? impostor.privateKey : key.privateKey);
}

function send(res, status, value) {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (req.method === 'GET' && path === `${REALM}/.well-known/openid-configuration`) {
    return send(res, 200, {
      issuer,
      jwks_uri: `${issuer}/protocol/openid-connect/certs`,
      id_token_signing_alg_values_supported: ['RS256', 'ES256'],
      subject_types_supported: ['public'],
      response_types_supported: ['id_token'],
    });
  }
  if (req.method === 'GET' && path === `${REALM}/protocol/openid-connect/certs`) return send(res, 200, jwks);
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
  return send(res, 404, { error: 'not found' });
});

server.listen(0, '127.0.0.1', () => {
  issuer = `http://127.0.0.1:${server.address().port}${REALM}`;
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
