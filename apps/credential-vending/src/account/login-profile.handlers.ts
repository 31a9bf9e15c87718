import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CreateLoginProfileRequest,
  CredentialVendingOperations,
  EmptyResult,
  LoginProfile,
  LoginProfileResult,
  LoginProfileUserRequest,
  UpdateLoginProfileRequest,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { awsTimestamp } from '../common/timestamps';
import { RequestValidator } from '../common/validate';
import { validateUserName } from '../users/user-requests';
import { UserLookup } from '../users/user.lookup';
import { AccountErrors } from './account-errors';
import { LoginProfilePasswords, validatePassword } from './login-profile-passwords';
import { LoginProfilesRepository, StoredLoginProfile } from './login-profiles.repository';

function toLoginProfile(userName: string, p: StoredLoginProfile): LoginProfile {
  return {
    UserName: userName,
    CreateDate: awsTimestamp(p.createdAt),
    PasswordResetRequired: p.passwordResetRequired,
    ...(p.maxSigninSessionDuration !== null ? { MaxSigninSessionDuration: p.maxSigninSessionDuration } : {}),
  };
}

const SIGNIN_SESSION = { min: 3600, max: 7_776_000 };

/**
 * IAM CreateLoginProfile (ADR 0084): a console password for the user (named, else the IAM user
 * who signed), checked against the account's password policy (PasswordPolicyViolation), stored as
 * a sealed argon2id hash and never answered. One a user (EntityAlreadyExists), under its row lock.
 * idfed has no console sign-in: the password signs in nowhere yet (docs/status.md).
 */
@Injectable()
export class CreateLoginProfileHandler implements OperationHandler<
  typeof CredentialVendingOperations.CreateLoginProfile
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(LoginProfilesRepository) private readonly profiles: LoginProfilesRepository,
    @Inject(LoginProfilePasswords) private readonly passwords: LoginProfilePasswords,
  ) {}

  async execute(req: CreateLoginProfileRequest, meta: CommandMeta): Promise<LoginProfileResult> {
    validateUserName(req, 'UserName', false);
    // Password may be left out only in an AssumeRoot session, which idfed does not issue.
    validatePassword(req, 'Password', true);
    RequestValidator.of(req)
      .boolean('PasswordResetRequired')
      .integer('MaxSigninSessionDuration', SIGNIN_SESSION)
      .check();
    const target = await this.lookup.requireTarget(req.UserName, meta);
    const sealed = await this.passwords.newPassword(target.userId, req.Password!);
    const profile: StoredLoginProfile = {
      userId: target.userId,
      passwordHashEnc: sealed,
      previousPasswordHashesEnc: [],
      passwordResetRequired: req.PasswordResetRequired === true,
      maxSigninSessionDuration: req.MaxSigninSessionDuration ?? null,
      createdAt: new Date(),
      passwordChangedAt: new Date(),
    };
    const user = await this.transactions.run(async (tx) => {
      const locked = await this.lookup.require(target.name, tx, true);
      if (locked.userId !== target.userId) throw IamErrors.noSuchUser(target.name);
      if ((await this.profiles.insert(profile, tx)) === 'exists') {
        throw AccountErrors.loginProfileExists(locked.name);
      }
      return locked;
    });
    return { LoginProfile: toLoginProfile(user.name, profile) };
  }
}

/** IAM GetLoginProfile (ADR 0084): the profile's dates and flags, never the password. */
@Injectable()
export class GetLoginProfileHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetLoginProfile
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(LoginProfilesRepository) private readonly profiles: LoginProfilesRepository,
  ) {}

  async execute(req: LoginProfileUserRequest, meta: CommandMeta): Promise<LoginProfileResult> {
    validateUserName(req, 'UserName', false);
    const user = await this.lookup.requireTarget(req.UserName, meta);
    const profile = await this.profiles.find(user.userId);
    if (!profile) throw AccountErrors.noLoginProfile(user.name);
    return { LoginProfile: toLoginProfile(user.name, profile) };
  }
}

/**
 * IAM UpdateLoginProfile (ADR 0084): a new password (checked as CreateLoginProfile's, and against
 * the reuse prevention), PasswordResetRequired, the sign-in session duration; a member left out
 * is unchanged. Under the profile's row lock.
 */
@Injectable()
export class UpdateLoginProfileHandler implements OperationHandler<
  typeof CredentialVendingOperations.UpdateLoginProfile
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(LoginProfilesRepository) private readonly profiles: LoginProfilesRepository,
    @Inject(LoginProfilePasswords) private readonly passwords: LoginProfilePasswords,
  ) {}

  async execute(req: UpdateLoginProfileRequest): Promise<EmptyResult> {
    validateUserName(req);
    validatePassword(req, 'Password', false);
    RequestValidator.of(req)
      .boolean('PasswordResetRequired')
      .integer('MaxSigninSessionDuration', SIGNIN_SESSION)
      .boolean('ResetMaxSigninSessionDuration')
      .check();
    if (req.MaxSigninSessionDuration !== undefined && req.ResetMaxSigninSessionDuration === true) {
      throw IamErrors.invalidInput(
        'MaxSigninSessionDuration and ResetMaxSigninSessionDuration cannot be specified together.',
      );
    }
    await this.transactions.run(async (tx) => {
      const user = await this.lookup.require(req.UserName, tx, true);
      const profile = await this.profiles.find(user.userId, tx, true);
      if (!profile) throw AccountErrors.noLoginProfile(user.name);
      const next: StoredLoginProfile = { ...profile };
      if (req.Password !== undefined) {
        next.passwordHashEnc = await this.passwords.newPassword(user.userId, req.Password, profile);
        next.previousPasswordHashesEnc = [profile.passwordHashEnc, ...profile.previousPasswordHashesEnc];
        next.passwordChangedAt = new Date();
      }
      if (req.PasswordResetRequired !== undefined) next.passwordResetRequired = req.PasswordResetRequired;
      if (req.MaxSigninSessionDuration !== undefined)
        next.maxSigninSessionDuration = req.MaxSigninSessionDuration;
      if (req.ResetMaxSigninSessionDuration === true) next.maxSigninSessionDuration = null;
      await this.profiles.update(next, tx);
    });
    return {};
  }
}

/** IAM DeleteLoginProfile (ADR 0084): access keys stay; NoSuchEntity without a profile. */
@Injectable()
export class DeleteLoginProfileHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteLoginProfile
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(LoginProfilesRepository) private readonly profiles: LoginProfilesRepository,
  ) {}

  async execute(req: LoginProfileUserRequest, meta: CommandMeta): Promise<EmptyResult> {
    validateUserName(req, 'UserName', false);
    await this.transactions.run(async (tx) => {
      const user = await this.lookup.requireTarget(req.UserName, meta, tx, true);
      if (!(await this.profiles.delete(user.userId, tx))) throw AccountErrors.noLoginProfile(user.name);
    });
    return {};
  }
}
