import { Inject, Injectable } from '@nestjs/common';
import { AwsError } from '@idfed/aws-protocol';
import { GrpcServiceBinding } from '../grpc/grpc-server';
import { GRPC_GATEWAY_CLOCK } from '../grpc-gateway.options';
import { serveVerifyTokens } from './verify-tokens.stream';
import { OpenIdTokenVerifier } from '../tokens/openid-token.verifier';
import { TokenUse, UserPoolTokenVerifier } from '../tokens/user-pool-token.verifier';

interface VerifyTokenRequest {
  token: string;
  userPoolId: string;
  clientIds: string[];
  tokenUse: TokenUse;
}

const MAX_TOKEN = 16_384;

/** idfed.tokens.v1.Tokens */
@Injectable()
export class TokensService {
  constructor(
    @Inject(UserPoolTokenVerifier) private readonly userPoolTokens: UserPoolTokenVerifier,
    @Inject(OpenIdTokenVerifier) private readonly openIdTokens: OpenIdTokenVerifier,
    @Inject(GRPC_GATEWAY_CLOCK) private readonly now: () => number,
  ) {}

  binding(): GrpcServiceBinding {
    return {
      service: 'idfed.tokens.v1.Tokens',
      unary: {
        VerifyToken: (request: VerifyTokenRequest) => {
          checkToken(request.token);
          if (request.clientIds.length > 100) throw invalid('client_ids: at most 100.');
          return this.userPoolTokens.verify(request);
        },
        VerifyOpenIdToken: (request: { token: string; identityPoolId: string }) => {
          checkToken(request.token);
          return this.openIdTokens.verify(request);
        },
      },
      bidi: {
        VerifyTokens: (ctx, call) =>
          serveVerifyTokens(ctx, call, (request) => this.userPoolTokens.verify(request), this.now),
      },
    };
  }
}

function checkToken(token: string): void {
  if (token.length === 0) throw invalid('token is required.');
  if (token.length > MAX_TOKEN) throw invalid(`token: at most ${MAX_TOKEN} characters.`);
}

function invalid(message: string): AwsError {
  return new AwsError('InvalidParameterException', message);
}
