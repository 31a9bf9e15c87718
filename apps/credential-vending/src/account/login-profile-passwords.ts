import { Inject, Injectable } from '@nestjs/common';
import { IamArns } from '../common/arns';
import { Patterns, RequestValidator } from '../common/validate';
import { AccountErrors } from './account-errors';
import { AccountSettingsRepository } from './account-settings.repository';
import { LoginPasswords } from './login-passwords';
import { StoredLoginProfile } from './login-profiles.repository';
import { checkPassword } from './password-policy';

/** A password member as botocore's passwordType (1-128 characters), its value never echoed. */
export function validatePassword(req: object, field: string, required: boolean): void {
  RequestValidator.of(req)
    .string(field, { required, min: 1, max: 128, pattern: Patterns.policyDocument, secret: true })
    .check();
}

/**
 * What the login-profile handlers and ChangePassword share (ADR 0084): a new password checked
 * against the account's password policy (and its reuse prevention) and sealed.
 */
@Injectable()
export class LoginProfilePasswords {
  constructor(
    @Inject(AccountSettingsRepository) private readonly settings: AccountSettingsRepository,
    @Inject(LoginPasswords) private readonly passwords: LoginPasswords,
    @Inject(IamArns) private readonly arns: IamArns,
  ) {}

  /**
   * The sealed hash of a new password for the user, once it meets the policy and, when the policy
   * prevents reuse, is none of the last `PasswordReusePrevention` passwords (the current included).
   */
  async newPassword(userId: string, password: string, current?: StoredLoginProfile): Promise<Buffer> {
    const policy = await this.settings.passwordPolicy();
    const alias = await this.settings.alias();
    checkPassword(policy, password, [this.arns.accountId, ...(alias ? [alias] : [])]);
    const remembered = policy?.passwordReusePrevention ?? 0;
    if (current && remembered > 0) {
      const recent = [current.passwordHashEnc, ...current.previousPasswordHashesEnc].slice(0, remembered);
      if (await this.passwords.matchesAny(userId, recent, password)) {
        throw AccountErrors.policyViolation(
          `Password should not be one of the previous ${remembered} passwords`,
        );
      }
    }
    return this.passwords.seal(userId, password);
  }

  matches(userId: string, sealed: Buffer, password: string): Promise<boolean> {
    return this.passwords.matches(userId, sealed, password);
  }
}
