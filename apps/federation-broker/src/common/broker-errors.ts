import { ServiceError } from '@idfed/messaging';

/** Errors as Cognito identity pools name them, so SDK code catching them keeps working. */
export const BrokerErrors = {
  invalidParameter: (message: string) => new ServiceError('InvalidParameterException', message),
  poolNotFound: (poolId: string) =>
    new ServiceError('ResourceNotFoundException', `IdentityPool '${poolId}' not found.`),
  identityNotFound: (identityId: string) =>
    new ServiceError('ResourceNotFoundException', `Identity '${identityId}' not found.`),
  notFound: (message: string) => new ServiceError('ResourceNotFoundException', message),
  notAuthorized: (message: string) => new ServiceError('NotAuthorizedException', message),
  invalidLogin: (detail: string) =>
    new ServiceError('NotAuthorizedException', `Invalid login token. ${detail}`),
  conflict: (message: string) => new ServiceError('ResourceConflictException', message),
  invalidConfiguration: (message: string) =>
    new ServiceError('InvalidIdentityPoolConfigurationException', message),
  developerUserAlreadyRegistered: () =>
    new ServiceError(
      'DeveloperUserAlreadyRegisteredException',
      'The developer user identifier is already registered with Cognito.',
    ),
  externalService: (message: string) => new ServiceError('ExternalServiceException', message),
};
