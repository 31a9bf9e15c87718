import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, OAuthMfaRequest, OAuthSignInOutcome, UserDirectoryOperations } from '@idfed/contracts';
import { AuthEventRecorder } from '../risk/auth-event-recorder';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { AuthFlows } from '../auth/flows/auth-flows';
import { VerifySoftwareTokenUseCase } from '../mfa/verify-software-token.use-case';
import { AuthorizeRequests } from './authorize-request';
import { HostedSignIn, isHostedMfaChallenge, secretHashFor } from './hosted-sign-in';
import { BlockedAddresses, isSecurityRefusal, SECURITY_REFUSAL } from '../risk/threat-protection';

/** The ChallengeResponses member that carries each challenge's code. */
const CODE_MEMBER: Record<string, string> = {
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
  SMS_MFA: 'SMS_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
};

/**
 * The hosted MFA pages' answers (ADR 0026), each through the sign-in API's own challenge handlers
 * (RespondToAuthChallenge's AuthFlows; VerifySoftwareToken for MFA_SETUP's code), so the codes,
 * single-use sessions and lockout are the API's. Those sessions are spent by a wrong answer, as in
 * the API: the browser then signs in again.
 */
@Injectable()
export class OAuthMfaUseCase implements OperationHandler<typeof UserDirectoryOperations.OAuthMfa> {
  constructor(
    @Inject(AuthorizeRequests) private readonly requests: AuthorizeRequests,
    @Inject(AuthFlows) private readonly flows: AuthFlows,
    @Inject(VerifySoftwareTokenUseCase) private readonly verify: VerifySoftwareTokenUseCase,
    @Inject(HostedSignIn) private readonly hosted: HostedSignIn,
    @Inject(AuthEventRecorder) private readonly events: AuthEventRecorder,
    @Inject(BlockedAddresses) private readonly blocked: BlockedAddresses,
  ) {}

  async execute(req: OAuthMfaRequest, meta?: CommandMeta): Promise<OAuthSignInOutcome> {
    const checked = await this.requests.check(req.UserPoolId, req.Params ?? {});
    if (!checked.ok) return checked.outcome;
    const { auth } = checked;
    const clientName = auth.client.name;
    const username = typeof req.Username === 'string' ? req.Username : '';
    let session = typeof req.Session === 'string' ? req.Session : '';
    const challenge = req.ChallengeName;
    const code = typeof req.Code === 'string' ? req.Code.trim() : '';
    if (!isHostedMfaChallenge(challenge) || !username || !session) {
      return { kind: 'login-failed', message: 'Your session has expired. Sign in again.', clientName };
    }
    const responses: Record<string, string> = { USERNAME: username };
    const secret = secretHashFor(auth, username);
    if (secret) responses.SECRET_HASH = secret;
    try {
      // Threat protection's block list (ADR 0091), before the session or the code is looked at:
      // a blocked answer spends nothing.
      await this.blocked.refuseBlocked(auth.pool, auth.client.id, meta?.sourceIp);
      if (challenge === 'SELECT_MFA_TYPE') {
        responses.ANSWER = typeof req.MfaType === 'string' ? req.MfaType : '';
      } else if (challenge === 'MFA_SETUP') {
        session = (await this.verify.execute({ Session: session, UserCode: code })).Session ?? '';
      } else {
        responses[CODE_MEMBER[challenge]] = code;
      }
      // The page's caller, for threat protection's event of the answer (ADR 0083).
      const answer = await this.events.within({ sourceIp: meta?.sourceIp, userAgent: meta?.userAgent }, () =>
        this.flows.respond(challenge, auth, session, responses),
      );
      return await this.hosted.afterChallenge(auth, checked.request, username, answer);
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      if (isSecurityRefusal(err)) return { kind: 'login-failed', message: SECURITY_REFUSAL, clientName };
      const name: string = (err as ServiceError).errorName;
      const message =
        name === 'TooManyRequestsException' || name === 'LimitExceededException'
          ? 'Attempt limit exceeded, please try after some time.'
          : 'The code was not right, or the session has expired. Sign in again.';
      return { kind: 'login-failed', message, clientName };
    }
  }
}
