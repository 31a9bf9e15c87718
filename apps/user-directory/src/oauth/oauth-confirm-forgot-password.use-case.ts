import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  OAuthConfirmForgotPasswordRequest,
  OAuthSignInOutcome,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { ConfirmForgotPasswordUseCase } from '../users/confirm-forgot-password.use-case';
import { passwordPolicyViolation } from '../users/password-policy';
import { AuthorizeRequests } from './authorize-request';
import { codePageMessage } from './oauth-confirm-sign-up.use-case';
import { secretHashFor } from './hosted-sign-in';

/**
 * The hosted reset page (ADR 0026): ConfirmForgotPassword as the API runs it. The pool's password
 * policy is checked first for any name (the API checks it after the user lookup, which would tell a
 * page visitor who exists); every other refusal reads alike. Success: the sign-in page.
 */
@Injectable()
export class OAuthConfirmForgotPasswordUseCase implements OperationHandler<
  typeof UserDirectoryOperations.OAuthConfirmForgotPassword
> {
  constructor(
    @Inject(AuthorizeRequests) private readonly requests: AuthorizeRequests,
    @Inject(ConfirmForgotPasswordUseCase) private readonly confirm: ConfirmForgotPasswordUseCase,
  ) {}

  async execute(req: OAuthConfirmForgotPasswordRequest, meta?: CommandMeta): Promise<OAuthSignInOutcome> {
    const checked = await this.requests.check(req.UserPoolId, req.Params ?? {});
    if (!checked.ok) return checked.outcome;
    const { auth } = checked;
    const clientName = auth.client.name;
    const username = typeof req.Username === 'string' ? req.Username.trim() : '';
    const code = typeof req.Code === 'string' ? req.Code.trim() : '';
    const password = typeof req.NewPassword === 'string' ? req.NewPassword : '';
    const again = (message: string): OAuthSignInOutcome => ({ kind: 'reset', clientName, username, message });
    if (!username || !code || !password) return again('Enter the code and a new password.');
    const violation = passwordPolicyViolation(password, auth.pool.config.passwordPolicy);
    if (violation) return again(violation);
    try {
      await this.confirm.execute(
        {
          ClientId: auth.client.id,
          Username: username,
          ConfirmationCode: code,
          Password: password,
          ...(auth.secret ? { SecretHash: secretHashFor(auth, username) } : {}),
        },
        // The page's caller, for threat protection's block list (ADR 0091).
        meta,
      );
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      return again(codePageMessage(err as ServiceError));
    }
    return { kind: 'login-notice', clientName, notice: 'Your password was changed. Sign in.' };
  }
}
