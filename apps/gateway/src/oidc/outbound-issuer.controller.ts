import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AwsError } from '@idfed/aws-protocol';
import { CredentialVendingOperations, OutboundIssuerJwksResult } from '@idfed/contracts';
import { BusClient, CommandFailedError } from '@idfed/messaging';
import { requestIdOf } from '../http/request-context.middleware';

// A verifier refetches on an unknown kid; five minutes keeps a rotated key visible soon.
const CACHE_CONTROL = 'public, max-age=300';
const ISSUER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The account's outbound issuer (IAM outbound identity federation, ADR 0086): the OpenID discovery
 * document and the JWKS at `<issuer>/.well-known/...`, with issuer `<public-url>/sts-tokens/<id>`
 * as EnableOutboundWebIdentityFederation answered it, so an external service verifies a
 * GetWebIdentityToken JWT from its `iss` alone. Served while the feature is disabled too: tokens
 * issued before stay valid until they expire.
 */
@Controller('sts-tokens/:issuerId/.well-known')
export class OutboundIssuerController {
  constructor(@Inject(BusClient) private readonly bus: BusClient) {}

  @Get('jwks.json')
  async jwks(@Param('issuerId') issuerId: string, @Res() res: Response): Promise<void> {
    const found = await this.fetch(issuerId, requestIdOf(res));
    res.status(200).setHeader('cache-control', CACHE_CONTROL).json({ keys: found.keys });
  }

  @Get('openid-configuration')
  async discovery(@Param('issuerId') issuerId: string, @Res() res: Response): Promise<void> {
    const { Issuer: issuer } = await this.fetch(issuerId, requestIdOf(res));
    res
      .status(200)
      .setHeader('cache-control', CACHE_CONTROL)
      .json({
        issuer,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        response_types_supported: ['id_token'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256', 'ES384'],
        claims_supported: ['iss', 'sub', 'aud', 'iat', 'exp', 'jti', 'https://sts.amazonaws.com/'],
      });
  }

  private async fetch(issuerId: string, requestId: string): Promise<OutboundIssuerJwksResult> {
    // A string that cannot be an issuer id never reaches the bus.
    if (!ISSUER_ID.test(issuerId)) throw notFound();
    try {
      return await this.bus.request(
        CredentialVendingOperations.GetOutboundIssuerJwks,
        { IssuerId: issuerId },
        { requestId, caller: { kind: 'anonymous' } },
      );
    } catch (err) {
      if (err instanceof CommandFailedError && err.error.name === 'NoSuchEntity') throw notFound();
      throw err;
    }
  }
}

function notFound(): AwsError {
  return new AwsError('ResourceNotFoundException', 'No such issuer.', 404);
}
