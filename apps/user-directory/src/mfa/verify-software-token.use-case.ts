import { Inject, Injectable } from '@nestjs/common';
import {
  UserDirectoryOperations,
  VerifySoftwareTokenRequest,
  VerifySoftwareTokenResponse,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { Members, RequestValidator } from '../common/validate';
import { MfaSessions } from './mfa-sessions';
import { MfaSetupUser } from './mfa-setup-user';
import { SoftwareTokens } from './software-tokens';

/**
 * VerifySoftwareToken: a code of the pending secret proves the authenticator app holds it, and the
 * secret becomes the user's software token (Status SUCCESS). By access token it is then turned on
 * with SetUserMFAPreference; in an MFA_SETUP sign-in (by Session) it is turned on and preferred at
 * once, and the returned Session answers the MFA_SETUP challenge. A wrong code is
 * EnableSoftwareTokenMFAException, and counts on the user's lockout.
 */
@Injectable()
export class VerifySoftwareTokenUseCase implements OperationHandler<
  typeof UserDirectoryOperations.VerifySoftwareToken
> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly accessTokens: AccessTokenVerifier,
    @Inject(MfaSessions) private readonly sessions: MfaSessions,
    @Inject(MfaSetupUser) private readonly setupUser: MfaSetupUser,
    @Inject(SoftwareTokens) private readonly tokens: SoftwareTokens,
  ) {}

  async execute(req: VerifySoftwareTokenRequest): Promise<VerifySoftwareTokenResponse> {
    RequestValidator.of(req)
      .string('UserCode', { required: true, min: 6, max: 6, pattern: /^[0-9]+$/, secret: true })
      .string('FriendlyDeviceName', {})
      .check();
    const deviceName = req.FriendlyDeviceName ?? null;
    if (MfaSetupUser.bySession(req)) {
      const session = this.sessions.openSetup(req.Session, ['associated']);
      await this.sessions.useOnce(session);
      const user = await this.setupUser.of(session);
      await this.tokens.verifyPending(user, req.UserCode, deviceName, true);
      const { sub, poolId, clientId, ttl } = session;
      return {
        Status: 'SUCCESS',
        Session: this.sessions.issueSetup({ sub, poolId, clientId, ttl, stage: 'verified' }),
      };
    }
    RequestValidator.of(req).string('AccessToken', Members.accessToken).check();
    const user = await this.accessTokens.userOf(req.AccessToken!);
    await this.tokens.verifyPending(user, req.UserCode, deviceName, false);
    return { Status: 'SUCCESS' };
  }
}
