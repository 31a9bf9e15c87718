import { Inject, Injectable } from '@nestjs/common';
import { OAuthResendCodeRequest, OAuthSignInOutcome, UserDirectoryOperations } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { ResendConfirmationCodeUseCase } from '../users/resend-confirmation-code.use-case';
import { AuthorizeRequests } from './authorize-request';
import { secretHashFor } from './hosted-sign-in';

/**
 * The confirmation page's "Resend code" (ADR 0026): ResendConfirmationCode as the API runs it, and
 * the same page and words whatever became of it (unknown, confirmed or unconfirmed user).
 */
@Injectable()
export class OAuthResendCodeUseCase implements OperationHandler<
  typeof UserDirectoryOperations.OAuthResendCode
> {
  constructor(
    @Inject(AuthorizeRequests) private readonly requests: AuthorizeRequests,
    @Inject(ResendConfirmationCodeUseCase) private readonly resend: ResendConfirmationCodeUseCase,
  ) {}

  async execute(req: OAuthResendCodeRequest): Promise<OAuthSignInOutcome> {
    const checked = await this.requests.check(req.UserPoolId, req.Params ?? {});
    if (!checked.ok) return checked.outcome;
    const { auth } = checked;
    const username = typeof req.Username === 'string' ? req.Username.trim() : '';
    const page = (message: string): OAuthSignInOutcome => ({
      kind: 'confirm',
      clientName: auth.client.name,
      username,
      session: typeof req.Session === 'string' ? req.Session : '',
      message,
    });
    if (!username) return page('Enter your username.');
    try {
      await this.resend.execute({
        ClientId: auth.client.id,
        Username: username,
        ...(auth.secret ? { SecretHash: secretHashFor(auth, username) } : {}),
      });
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
    }
    return page('If the account awaits confirmation, a new code was sent.');
  }
}
