import {
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolCommandInput,
  CreateUserPoolDomainCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import { browse, CookieJar } from './hosted-ui';

/** A client registered at a stand-in provider by dynamic client registration (oidc-provider's /reg). */
export async function registerAtProvider(
  issuer: string,
  redirectUris: string[],
): Promise<{ clientId: string; clientSecret: string }> {
  const res = await fetch(`${issuer}/reg`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      redirect_uris: redirectUris,
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code'],
      response_types: ['code'],
    }),
  });
  const body = (await res.json()) as { client_id?: string; client_secret?: string };
  if (res.status !== 201 || !body.client_id || !body.client_secret)
    throw new Error(`registration at ${issuer} answered ${res.status}: ${JSON.stringify(body)}`);
  return { clientId: body.client_id, clientSecret: body.client_secret };
}

const unescapeHtml = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, c: string) => String.fromCharCode(parseInt(c, 16)))
    .replace(/&amp;/g, '&');

/** Where the provider sends the browser back: a redirect, or a self-submitting form (form_post). */
type ProviderAnswer = { location: string } | { form: { action: string; fields: Record<string, string> } };

async function walkProvider(
  jar: CookieJar,
  authorizationUrl: string,
  login: string,
  o: { deny?: boolean },
): Promise<ProviderAnswer> {
  const origin = new URL(authorizationUrl).origin;
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    const step = await browse(jar, url);
    if (step.status === 200 && step.html.includes('name="login"')) {
      const action = /<form[^>]*action="([^"]*)"/.exec(step.html)![1];
      const posted = await browse(
        jar,
        new URL(unescapeHtml(action), url).toString(),
        o.deny ? { deny: '1' } : { login },
      );
      if (!posted.location) throw new Error(`the provider's form answered ${posted.status}: ${posted.html}`);
      url = posted.location;
    } else if (step.location) {
      url = step.location;
    } else if (step.status === 200 && /<form method="post"/.test(step.html)) {
      const action = unescapeHtml(/<form method="post" action="([^"]*)"/.exec(step.html)![1]);
      const fields: Record<string, string> = {};
      for (const m of step.html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g))
        fields[m[1]] = unescapeHtml(m[2]);
      return { form: { action, fields } };
    } else {
      throw new Error(`the provider answered ${step.status}: ${step.html.slice(0, 500)}`);
    }
    if (new URL(url).origin !== origin) return { location: url };
  }
  throw new Error('the provider redirected too often');
}

/**
 * The stand-in provider's part of a sign-in, as a browser does it: from its authorization URL to
 * its sign-in page, the form posted as `login` (or refused with `deny`), and on until it sends the
 * browser away from itself; answers that location (idfed's /oauth2/idpresponse).
 */
export async function signInAtProvider(
  jar: CookieJar,
  authorizationUrl: string,
  login: string,
  o: { deny?: boolean } = {},
): Promise<string> {
  const answer = await walkProvider(jar, authorizationUrl, login, o);
  if (!('location' in answer)) throw new Error('the provider answered by form_post');
  return answer.location;
}

/** The same for a provider answering by `form_post`: the form the browser would submit. */
export async function signInAtProviderByFormPost(
  jar: CookieJar,
  authorizationUrl: string,
  login: string,
): Promise<{ action: string; fields: Record<string, string> }> {
  const answer = await walkProvider(jar, authorizationUrl, login, {});
  if (!('form' in answer)) throw new Error(`the provider answered by redirect to ${answer.location}`);
  return answer.form;
}

export interface FederatedPool {
  poolId: string;
  domain: string;
  issuer: string;
  /** Supports COGNITO, Google and Corp (an OIDC provider with IdpIdentifier corp.example). */
  clientId: string;
  /** Supports Google only: the sign-in page has no password form. */
  googleOnlyClientId: string;
  redirectUri: string;
  /** The callback URLs a provider is registered with: the path form and the domain's host. */
  idpResponseUrls: string[];
}

/**
 * A pool federated with the stand-in Google and a generic OIDC provider ("Corp", whose user
 * endpoint is read by POST), as a developer sets one up: the providers' clients registered at the
 * stand-ins, the pool's providers and domain made with the AWS SDK, an app client supporting them.
 */
export async function createFederatedPool(
  admin: CognitoIdentityProviderClient,
  system: { endpoint: string; googleIssuer: string; oidcIssuer: string },
  redirectUri: string,
  /** More of CreateUserPool's input (a LambdaConfig, a schema). */
  poolInput: Partial<CreateUserPoolCommandInput> = {},
): Promise<FederatedPool> {
  const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'federated', ...poolInput }));
  const poolId = UserPool!.Id!;
  const domain = `fed-${randomBytes(4).toString('hex')}`;
  await admin.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
  const idpResponseUrls = [
    `${system.endpoint}/${poolId}/oauth2/idpresponse`,
    `http://${domain}.auth.localhost:${new URL(system.endpoint).port}/oauth2/idpresponse`,
  ];
  const google = await registerAtProvider(system.googleIssuer, idpResponseUrls);
  await admin.send(
    new CreateIdentityProviderCommand({
      UserPoolId: poolId,
      ProviderName: 'Google',
      ProviderType: 'Google',
      ProviderDetails: {
        client_id: google.clientId,
        client_secret: google.clientSecret,
        authorize_scopes: 'openid email profile',
      },
      AttributeMapping: { email: 'email', name: 'name' },
    }),
  );
  const corp = await registerAtProvider(system.oidcIssuer, idpResponseUrls);
  await admin.send(
    new CreateIdentityProviderCommand({
      UserPoolId: poolId,
      ProviderName: 'Corp',
      ProviderType: 'OIDC',
      ProviderDetails: {
        client_id: corp.clientId,
        client_secret: corp.clientSecret,
        authorize_scopes: 'openid email profile',
        oidc_issuer: system.oidcIssuer,
        attributes_request_method: 'POST',
      },
      AttributeMapping: { email: 'email' },
      IdpIdentifiers: ['corp.example'],
    }),
  );
  const client = async (name: string, providers: string[]) =>
    (
      await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: name,
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthFlows: ['code', 'implicit'],
          AllowedOAuthScopes: ['openid', 'email', 'profile'],
          CallbackURLs: [redirectUri],
          SupportedIdentityProviders: providers,
        }),
      )
    ).UserPoolClient!.ClientId!;
  return {
    poolId,
    domain,
    issuer: `${system.endpoint}/${poolId}`,
    clientId: await client('web', ['COGNITO', 'Google', 'Corp']),
    googleOnlyClientId: await client('google-only', ['Google']),
    redirectUri,
    idpResponseUrls,
  };
}
