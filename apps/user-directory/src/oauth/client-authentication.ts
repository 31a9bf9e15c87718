import { Inject, Injectable } from '@nestjs/common';
import { ServiceError } from '@idfed/messaging';
import { ClientForAuth, ClientsService, isClientSecret } from '../clients/clients.service';

/** `Basic base64(client_id:client_secret)`, each form-urlencoded first (RFC 6749 2.3.1). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | 'none' | 'bad' {
  if (!header) return 'none';
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m) return 'bad';
  const text = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return 'bad';
  try {
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    return { id: decode(text.slice(0, colon)), secret: decode(text.slice(colon + 1)) };
  } catch {
    return 'bad';
  }
}

/**
 * Who calls the token and revocation endpoints: a client of this pool, proving its secret (when it
 * has one) by HTTP Basic or by `client_secret` in the form. Undefined is `invalid_client`.
 */
@Injectable()
export class OAuthClientAuthentication {
  constructor(@Inject(ClientsService) private readonly clients: ClientsService) {}

  async authenticate(
    poolId: string,
    form: Record<string, string>,
    authorization: string | undefined,
  ): Promise<ClientForAuth | undefined> {
    const basic = basicCredentials(authorization);
    if (basic === 'bad') return undefined;
    const formId = typeof form.client_id === 'string' ? form.client_id : undefined;
    const formSecret = typeof form.client_secret === 'string' ? form.client_secret : undefined;
    // Two ways of authenticating at once, or two different client ids, are refused.
    if (basic !== 'none' && (formSecret !== undefined || (formId !== undefined && formId !== basic.id)))
      return undefined;
    const id = basic !== 'none' ? basic.id : formId;
    const secret = basic !== 'none' ? basic.secret : formSecret;
    if (!id) return undefined;
    let auth: ClientForAuth;
    try {
      auth = await this.clients.forAuth(id);
    } catch (err) {
      if (err instanceof ServiceError) return undefined;
      throw err;
    }
    if (auth.client.poolId !== poolId) return undefined;
    // During a rotation either secret is accepted (ADR 0074); each is compared, so no answer says which.
    if (auth.secret) return secret !== undefined && isClientSecret(auth, secret) ? auth : undefined;
    // A public client has no secret to send; sending one is a mistake worth refusing.
    return secret === undefined || secret === '' ? auth : undefined;
  }
}
