import { Inject, Injectable } from '@nestjs/common';
import {
  AssociateSoftwareTokenRequest,
  AssociateSoftwareTokenResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { Members, RequestValidator } from '../common/validate';
import { MfaSetupUser } from './mfa-setup-user';
import { MfaSessions } from './mfa-sessions';
import { SoftwareTokens } from './software-tokens';

/**
 * AssociateSoftwareToken: a new TOTP secret for the user's authenticator app, by access token (a
 * signed-in user adding MFA) or by the Session of an MFA_SETUP challenge (then with the Session of
 * the next step). The secret stays pending until VerifySoftwareToken checks a code of it.
 */
@Injectable()
export class AssociateSoftwareTokenUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AssociateSoftwareToken
> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly accessTokens: AccessTokenVerifier,
    @Inject(MfaSessions) private readonly sessions: MfaSessions,
    @Inject(MfaSetupUser) private readonly setupUser: MfaSetupUser,
    @Inject(SoftwareTokens) private readonly tokens: SoftwareTokens,
  ) {}

  async execute(req: AssociateSoftwareTokenRequest): Promise<AssociateSoftwareTokenResponse> {
    if (MfaSetupUser.bySession(req)) {
      const session = this.sessions.openSetup(req.Session, ['challenged', 'associated']);
      await this.sessions.useOnce(session);
      const user = await this.setupUser.of(session);
      const SecretCode = await this.tokens.associate(user);
      const { sub, poolId, clientId, ttl } = session;
      return {
        SecretCode,
        Session: this.sessions.issueSetup({ sub, poolId, clientId, ttl, stage: 'associated' }),
      };
    }
    RequestValidator.of(req).string('AccessToken', Members.accessToken).check();
    const user = await this.accessTokens.userOf(req.AccessToken!);
    return { SecretCode: await this.tokens.associate(user) };
  }
}
