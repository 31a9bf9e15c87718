import { AccessTokenRequest, GetUserResponse } from '@idfed/contracts';
import { DataSource } from 'typeorm';
import { CognitoErrors } from '../common/cognito-errors';
import { RequestValidator } from '../common/validate';
import { UserEntity } from '../database/entities';
import { decodeJwt, verifyRs256 } from '@idfed/crypto';
import { SigningKeysService } from '../tokens/signing-keys.service';
import { toAttributeList } from '../users/user-attributes';

const CLOCK_SKEW_SECONDS = 0;

/** GetUser: the caller proves who they are with an access token this directory issued. */
export class GetUserUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: SigningKeysService,
    private readonly publicUrl: string,
  ) {}

  async execute(req: AccessTokenRequest): Promise<GetUserResponse> {
    RequestValidator.of(req).string('AccessToken', { required: true, min: 1, secret: true }).check();
    const user = await this.userOfAccessToken(req.AccessToken);
    return { Username: user.username, UserAttributes: toAttributeList(user.sub, user.attributes) };
  }

  /** Checks signature, issuer, use and expiry, then that the user still exists and was not signed out since. */
  async userOfAccessToken(token: string): Promise<UserEntity> {
    const invalid = () => CognitoErrors.notAuthorized('Invalid Access Token');
    const decoded = decodeJwt(token);
    if (!decoded) throw invalid();
    const { header, payload } = decoded;
    const iss = typeof payload.iss === 'string' ? payload.iss : '';
    const prefix = `${this.publicUrl}/`;
    if (!iss.startsWith(prefix) || typeof header.kid !== 'string') throw invalid();
    const poolId = iss.slice(prefix.length);
    const key = await this.keys.verificationKey(poolId, header.kid);
    if (!key || !verifyRs256(decoded, key) || payload.token_use !== 'access') throw invalid();
    if (typeof payload.exp !== 'number' || payload.exp + CLOCK_SKEW_SECONDS <= Date.now() / 1000) {
      throw CognitoErrors.notAuthorized('Access Token has expired');
    }
    const user = await this.dataSource.manager.findOne(UserEntity, {
      where: { sub: String(payload.sub), poolId },
    });
    if (!user) throw CognitoErrors.userNotFound();
    if (!user.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
    const issuedAt = typeof payload.iat === 'number' ? payload.iat : 0;
    if (user.tokensValidAfter && issuedAt * 1000 < user.tokensValidAfter.getTime()) {
      throw CognitoErrors.notAuthorized('Access Token has been revoked');
    }
    return user;
  }
}
