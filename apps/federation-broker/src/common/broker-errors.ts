import { ServiceError } from '@idfed/messaging';

/**
 * Errors as Cognito identity pools name them, so SDK code catching them keeps working. Each
 * factory's type names its error, so a contract that does not declare it shows at compile time in
 * a handler's signature and at run time in the "undeclared error" log.
 */
export const BrokerErrors = {
  invalidParameter: (message: string): ServiceError<'InvalidParameterException'> =>
    new ServiceError('InvalidParameterException', message),
  poolNotFound: (poolId: string): ServiceError<'ResourceNotFoundException'> =>
    new ServiceError('ResourceNotFoundException', `IdentityPool '${poolId}' not found.`),
  identityNotFound: (identityId: string): ServiceError<'ResourceNotFoundException'> =>
    new ServiceError('ResourceNotFoundException', `Identity '${identityId}' not found.`),
  notFound: (message: string): ServiceError<'ResourceNotFoundException'> =>
    new ServiceError('ResourceNotFoundException', message),
  notAuthorized: (message: string): ServiceError<'NotAuthorizedException'> =>
    new ServiceError('NotAuthorizedException', message),
  invalidLogin: (detail: string): ServiceError<'NotAuthorizedException'> =>
    new ServiceError('NotAuthorizedException', `Invalid login token. ${detail}`),
  conflict: (message: string): ServiceError<'ResourceConflictException'> =>
    new ServiceError('ResourceConflictException', message),
  invalidConfiguration: (message: string): ServiceError<'InvalidIdentityPoolConfigurationException'> =>
    new ServiceError('InvalidIdentityPoolConfigurationException', message),
  developerUserAlreadyRegistered: (): ServiceError<'DeveloperUserAlreadyRegisteredException'> =>
    new ServiceError(
      'DeveloperUserAlreadyRegisteredException',
      'The developer user identifier is already registered with Cognito.',
    ),
  externalService: (message: string): ServiceError<'ExternalServiceException'> =>
    new ServiceError('ExternalServiceException', message),
};
