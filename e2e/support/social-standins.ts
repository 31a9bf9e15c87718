import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Local stand-ins for the two token-inspection endpoints idfed calls for non-OIDC logins
 * (Facebook's Graph API `/app` and `/me`, Login with Amazon's `/auth/o2/tokeninfo`). Their access
 * tokens are opaque strings the stand-in understands: `fb.<appId>.<userId>` and
 * `amzn.<clientId>.<userId>`; anything else is refused the way the real services refuse it.
 */
export interface SocialStandins {
  facebookGraphUrl: string;
  amazonApiUrl: string;
  close(): Promise<void>;
}

function parse(token: string | null, prefix: string): { app: string; user: string } | undefined {
  const parts = token?.split('.') ?? [];
  return parts.length === 3 && parts[0] === prefix ? { app: parts[1], user: parts[2] } : undefined;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`),
    ),
  );
}

/**
 * Passes a request on to `upstream` (the oidc-provider stand-ins of test-idp.server.mjs, which
 * serve the same hosts' OAuth 2.0 endpoints for sign-in through the provider): method, path and
 * query, the headers that matter, the body; the answer comes back as it is.
 */
function forward(upstream: string, req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const headers: Record<string, string> = {};
    for (const h of ['content-type', 'authorization', 'accept']) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    fetch(`${upstream}${req.url ?? '/'}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
      redirect: 'manual',
    }).then(
      async (answer) => {
        res.writeHead(answer.status, {
          'content-type': answer.headers.get('content-type') ?? 'application/json',
        });
        res.end(Buffer.from(await answer.arrayBuffer()));
      },
      () => {
        res.statusCode = 502;
        res.end('{}');
      },
    );
  });
}

export async function startSocialStandins(upstream?: {
  facebook: string;
  amazon: string;
}): Promise<SocialStandins> {
  const facebook = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (upstream && url.pathname !== '/app' && url.pathname !== '/me')
      return forward(upstream.facebook, req, res);
    const token = parse(url.searchParams.get('access_token'), 'fb');
    res.setHeader('content-type', 'application/json');
    if (!token) {
      res.statusCode = 400;
      res.end(
        JSON.stringify({
          error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 },
        }),
      );
    } else if (url.pathname === '/app') {
      res.end(JSON.stringify({ id: token.app, name: 'stand-in app' }));
    } else if (url.pathname === '/me') {
      res.end(JSON.stringify({ id: token.user }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  const amazon = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (upstream && url.pathname !== '/auth/o2/tokeninfo') return forward(upstream.amazon, req, res);
    const token = parse(url.searchParams.get('access_token'), 'amzn');
    res.setHeader('content-type', 'application/json');
    if (url.pathname !== '/auth/o2/tokeninfo' || !token) {
      res.statusCode = 400;
      res.end(JSON.stringify({ error: 'invalid_token', error_description: 'The access token is invalid' }));
      return;
    }
    res.end(
      JSON.stringify({
        aud: token.app,
        user_id: token.user,
        app_id: token.app,
        exp: 3600,
        iss: 'https://www.amazon.com',
      }),
    );
  });
  const [facebookGraphUrl, amazonApiUrl] = [await listen(facebook), await listen(amazon)];
  return {
    facebookGraphUrl,
    amazonApiUrl,
    close: async () => {
      await new Promise((r) => facebook.close(r));
      await new Promise((r) => amazon.close(r));
    },
  };
}
