import { ServiceError } from '@idfed/messaging';

/** The errors device sync answers, by the names Cognito Sync uses for them. */
export const SyncErrors = {
  notAuthorized: (message: string) => new ServiceError('NotAuthorizedException', message),
  invalidParameter: (message: string) => new ServiceError('InvalidParameterException', message),
  datasetNotFound: (datasetName: string) =>
    new ServiceError('ResourceNotFoundException', `Dataset ${datasetName} does not exist.`),
  poolNotFound: (identityPoolId: string) =>
    new ServiceError('ResourceNotFoundException', `No sync data for identity pool ${identityPoolId}.`),
  identityPoolNotFound: (identityPoolId: string) =>
    new ServiceError('ResourceNotFoundException', `Identity pool ${identityPoolId} does not exist.`),
  deviceNotFound: (deviceId: string) =>
    new ServiceError('ResourceNotFoundException', `Device ${deviceId} does not exist for this identity.`),
  invalidConfiguration: (message: string) => new ServiceError('InvalidConfigurationException', message),
  bulkPublishInProgress: (identityPoolId: string) =>
    new ServiceError(
      'DuplicateRequestException',
      `A bulk publish of identity pool ${identityPoolId} is in progress.`,
    ),
  alreadyStreamed: (identityPoolId: string) =>
    new ServiceError(
      'AlreadyStreamedException',
      `Identity pool ${identityPoolId} was bulk published in the last 24 hours; one bulk publish is allowed per 24 hours.`,
    ),
  conflict: (message: string) => new ServiceError('ResourceConflictException', message),
  limitExceeded: (message: string) => new ServiceError('LimitExceededException', message),
  invalidLambdaOutput: (message: string) => new ServiceError('InvalidLambdaFunctionOutputException', message),
  lambdaThrottled: (message: string) => new ServiceError('LambdaThrottledException', message),
};
