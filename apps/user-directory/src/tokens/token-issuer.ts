import { Inject, Injectable } from '@nestjs/common';
import { USER_DIRECTORY_CONFIG, UserDirectoryConfig } from '../user-directory.tokens';
import { randomUUID } from 'node:crypto';
import { SigningKeysService } from './signing-keys.service';
import {
  accessTokenClaims,
  DerivedToken,
  derivedTokenClaims,
  applyTokenOverrides,
  idTokenClaims,
  TokenOverrides,
  TokenSession,
  TokenSubject,
} from './token-claims';
import { signRs256 } from '@idfed/crypto';

export interface IssuedTokens {
  idToken: string;
  accessToken: string;
  expiresIn: number;
}

/** Signs a pair of ID and access tokens for one session. */
@Injectable()
export class TokenIssuer {
  constructor(
    @Inject(SigningKeysService) private readonly keys: SigningKeysService,
    @Inject(USER_DIRECTORY_CONFIG) private readonly config: Pick<UserDirectoryConfig, 'publicUrl'>,
  ) {}

  issuerOf(poolId: string): string {
    return `${this.config.publicUrl}/${poolId}`;
  }

  newSessionIds(): { originJti: string; eventId: string } {
    return { originJti: randomUUID(), eventId: randomUUID() };
  }

  async issue(
    poolId: string,
    subject: TokenSubject,
    session: Omit<TokenSession, 'issuer' | 'nowSeconds'>,
    /** A PreTokenGeneration trigger's changes (ADR 0030). */
    overrides?: TokenOverrides,
  ): Promise<IssuedTokens> {
    const key = await this.keys.activeKey(poolId);
    const full: TokenSession = {
      ...session,
      issuer: this.issuerOf(poolId),
      nowSeconds: Math.floor(Date.now() / 1000),
    };
    const header = { alg: 'RS256' as const, kid: key.kid };
    const idClaims = idTokenClaims(subject, full);
    const accessClaims = accessTokenClaims(subject, full);
    if (overrides) applyTokenOverrides(idClaims, accessClaims, overrides);
    const [idToken, accessToken] = await Promise.all([
      signRs256(header, idClaims, key.privateKey),
      signRs256(header, accessClaims, key.privateKey),
    ]);
    return { idToken, accessToken, expiresIn: session.accessTokenTtl };
  }

  /**
   * The access token of the client_credentials grant: no user, so `sub` is the client, as in
   * Cognito; the granted custom scopes; no ID or refresh token goes with it. GetClientToken's too.
   */
  async issueClientAccess(
    poolId: string,
    clientId: string,
    scopes: string[],
    ttlSeconds: number,
    /** A V3_0 PreTokenGeneration trigger's changes to the access token (ADR 0081). */
    overrides?: TokenOverrides,
  ): Promise<IssuedTokens['accessToken']> {
    const key = await this.keys.activeKey(poolId);
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      sub: clientId,
      token_use: 'access',
      scope: scopes.join(' '),
      auth_time: now,
      iss: this.issuerOf(poolId),
      exp: now + ttlSeconds,
      iat: now,
      version: 2,
      jti: randomUUID(),
      client_id: clientId,
    };
    if (overrides) applyTokenOverrides({}, claims, overrides);
    return signRs256({ alg: 'RS256', kid: key.kid }, claims, key.privateKey);
  }

  /**
   * GetDerivedToken's token (ADR 0088): one access or ID token of the subject's session, with the
   * session's own lifetimes replaced by `ttlSeconds`, bound to an audience and an actor if given.
   */
  async issueDerived(
    poolId: string,
    subject: TokenSubject,
    session: Omit<TokenSession, 'issuer' | 'nowSeconds' | 'idTokenTtl' | 'accessTokenTtl'>,
    ttlSeconds: number,
    derived: DerivedToken,
  ): Promise<string> {
    const key = await this.keys.activeKey(poolId);
    const full: TokenSession = {
      ...session,
      issuer: this.issuerOf(poolId),
      nowSeconds: Math.floor(Date.now() / 1000),
      idTokenTtl: ttlSeconds,
      accessTokenTtl: ttlSeconds,
    };
    return signRs256(
      { alg: 'RS256', kid: key.kid },
      derivedTokenClaims(subject, full, derived),
      key.privateKey,
    );
  }
}
