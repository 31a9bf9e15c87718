import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { jsonSigV4Error } from '@idfed/aws-protocol';
import { regionServed } from '@idfed/config';
import { Caller } from '@idfed/contracts';
import { SigV4Error, verifySigV4 } from '@idfed/sigv4';
import { GATEWAY_OPTIONS, GatewayOptions } from '../gateway.options';

/**
 * Checks that a request is signed with the admin key. The admin key is long-term: a request that
 * pairs it with a session token is refused like an unknown key, as AWS refuses a token that does
 * not belong to the key. The payload must be signed (no UNSIGNED-PAYLOAD with a body) and so must
 * an X-Amz-Target header; a target in the query string is signed as all of the query is. The
 * scope's region must be one idfed serves (ADR 0032); the request is then for that region.
 */
@Injectable()
export class AdminSignatureVerifier {
  constructor(@Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions) {}

  async verify(req: Request, body: Buffer, signingName: string): Promise<{ caller: Caller; region: string }> {
    const admin = this.options.adminCredentials;
    const [path, query = ''] = splitOnce(req.originalUrl, '?');
    try {
      const identity = await verifySigV4(
        // headersDistinct keeps repeated headers apart, as SigV4 needs (Node joins them with ', ').
        { method: req.method, path, query, headers: req.headersDistinct, body },
        {
          resolveSecret: (accessKeyId, securityToken) =>
            accessKeyId === admin.accessKeyId && securityToken === undefined
              ? admin.secretAccessKey
              : undefined,
          service: signingName,
          region: (region) => regionServed(this.options.env, region),
          // The target names the operation: a signature that does not cover it covers nothing.
          mustSignHeaders: ['X-Amz-Target'],
        },
      );
      return { caller: { kind: 'admin', accessKeyId: identity.accessKeyId }, region: identity.region };
    } catch (err) {
      if (err instanceof SigV4Error) throw jsonSigV4Error(err);
      throw err;
    }
  }
}

function splitOnce(value: string, separator: string): [string, string?] {
  const at = value.indexOf(separator);
  return at < 0 ? [value] : [value.slice(0, at), value.slice(at + 1)];
}
