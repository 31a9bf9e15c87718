import { ServiceError } from '@idfed/messaging';

/** IAM's answers about the account's settings and console passwords (ADR 0084), in AWS's wording where known. */
export const AccountErrors = {
  /** AWS: `The Password Policy with domain name <account> cannot be found.` */
  noPasswordPolicy: (accountId: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError('NoSuchEntity', `The Password Policy with domain name ${accountId} cannot be found.`),
  noLoginProfile: (userName: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError('NoSuchEntity', `Login Profile for User ${userName} cannot be found.`),
  loginProfileExists: (userName: string): ServiceError<'EntityAlreadyExists'> =>
    new ServiceError('EntityAlreadyExists', `Login Profile for user ${userName} already exists.`),
  /** DeleteUser while the user has a password (AWS's words, aws-nuke#750). */
  userHasLoginProfile: (): ServiceError<'DeleteConflict'> =>
    new ServiceError('DeleteConflict', 'Cannot delete entity, must delete login profile first.'),
  policyViolation: (reason: string): ServiceError<'PasswordPolicyViolation'> =>
    new ServiceError('PasswordPolicyViolation', reason),
  /** ChangePassword by a caller that is not an IAM user (the account root, here the admin key). */
  notAnIamUser: (): ServiceError<'InvalidUserType'> =>
    new ServiceError('InvalidUserType', 'Only IAM users can change their password with ChangePassword.'),
  /** ChangePassword with an OldPassword that is not the user's. */
  wrongOldPassword: (): ServiceError<'InvalidUserType'> =>
    new ServiceError('InvalidUserType', 'The old password is not correct.'),
  /** ChangePassword refused while the user's password is locked out by wrong guesses. */
  passwordAttemptsExceeded: (): ServiceError<'LimitExceeded'> =>
    new ServiceError('LimitExceeded', 'Password attempts exceeded. Try again later.'),
  noSuchAlias: (alias: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError('NoSuchEntity', `The account alias ${alias} cannot be found.`),
};
