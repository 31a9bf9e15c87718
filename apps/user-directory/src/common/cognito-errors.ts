import { ServiceError } from '@idfed/messaging';

/**
 * The errors the user directory raises, named as Cognito names them so that SDK code catching
 * `UsernameExistsException` and friends keeps working. Messages follow Cognito's wording.
 */
export const CognitoErrors = {
  invalidParameter: (message: string) => new ServiceError('InvalidParameterException', message),
  poolNotFound: (poolId: string) =>
    new ServiceError('ResourceNotFoundException', `User pool ${poolId} does not exist.`),
  clientNotFound: (clientId: string) =>
    new ServiceError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`),
  groupNotFound: () => new ServiceError('ResourceNotFoundException', 'Group not found.'),
  groupExists: (name: string) =>
    new ServiceError('GroupExistsException', `A group with the name ${name} already exists.`),
  providerNotFound: () =>
    new ServiceError('ResourceNotFoundException', 'Identity provider does not exist in this user pool.'),
  providerExists: (name: string) =>
    new ServiceError(
      'DuplicateProviderException',
      `A provider with the name ${name} already exists in this pool.`,
    ),
  /** An IdpIdentifier another provider of the pool holds: Create's name for it, Update's is InvalidParameter. */
  identifierTaken: (identifier: string, name: 'DuplicateProviderException' | 'InvalidParameterException') =>
    new ServiceError(name, `The identifier ${identifier} is already associated with another provider.`),
  resourceServerNotFound: () =>
    new ServiceError('ResourceNotFoundException', 'Resource server does not exist in this user pool.'),
  userNotFound: () => new ServiceError('UserNotFoundException', 'User does not exist.'),
  usernameExists: () => new ServiceError('UsernameExistsException', 'User already exists'),
  /** Email-as-username pools report a taken email as a taken username, as Cognito does. */
  aliasExists: () =>
    new ServiceError('UsernameExistsException', 'An account with the given email already exists.'),
  /** AliasExistsException: an email or phone number another user signs in with. */
  aliasExistsForAttribute: () =>
    new ServiceError('AliasExistsException', 'An account with the given email already exists.'),
  invalidPassword: (reason: string) =>
    new ServiceError('InvalidPasswordException', `Password did not conform with policy: ${reason}`),
  /** A new password equal to one of the user's last PasswordHistorySize (ADR 0057; idfed's wording). */
  passwordHistoryViolation: () =>
    new ServiceError(
      'PasswordHistoryPolicyViolationException',
      'Password did not conform with password history policy.',
    ),
  notAuthorized: (message = 'Incorrect username or password.') =>
    new ServiceError('NotAuthorizedException', message),
  userNotConfirmed: () => new ServiceError('UserNotConfirmedException', 'User is not confirmed.'),
  codeMismatch: () =>
    new ServiceError('CodeMismatchException', 'Invalid verification code provided, please try again.'),
  expiredCode: () =>
    new ServiceError('ExpiredCodeException', 'Invalid code provided, please request a code again.'),
  limitExceeded: () =>
    new ServiceError('LimitExceededException', 'Attempt limit exceeded, please try after some time.'),
  codeDeliveryFailed: () =>
    new ServiceError(
      'CodeDeliveryFailureException',
      'Unable to deliver the verification code. Try again later.',
    ),
  /** A sign-in's SOFTWARE_TOKEN_MFA_CODE that is wrong, or was accepted before. */
  mfaCodeMismatch: () => new ServiceError('CodeMismatchException', 'Invalid code received for user'),
  /** A sign-in's SMS_MFA_CODE or EMAIL_OTP_CODE that is wrong, in Cognito's words. */
  otpCodeMismatch: () =>
    new ServiceError('CodeMismatchException', 'Invalid code or auth state for the user.'),
  /** VerifySoftwareToken's wrong code, in Cognito's words. */
  softwareTokenCodeMismatch: () =>
    new ServiceError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA'),
  softwareTokenNotFound: () =>
    new ServiceError('SoftwareTokenMFANotFoundException', 'Software Token MFA does not exist for the user.'),
  deletionProtected: () =>
    new ServiceError(
      'InvalidParameterException',
      'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.',
    ),
};
