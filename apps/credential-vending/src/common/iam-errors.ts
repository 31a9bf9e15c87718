import { ServiceError } from '@idfed/messaging';

/**
 * The errors credential vending raises, under the Query error codes IAM and STS use (the SDKs map
 * them to NoSuchEntityException, InvalidIdentityTokenException and friends). Messages follow AWS's
 * wording where it is known.
 */
export const IamErrors = {
  validation: (message: string): ServiceError<'ValidationError'> =>
    new ServiceError('ValidationError', message),
  invalidInput: (message: string): ServiceError<'InvalidInput'> => new ServiceError('InvalidInput', message),
  malformedPolicy: (reason: string): ServiceError<'MalformedPolicyDocument'> =>
    new ServiceError('MalformedPolicyDocument', reason),
  limitExceeded: (quota: string, limit: number): ServiceError<'LimitExceeded'> =>
    new ServiceError('LimitExceeded', `Cannot exceed quota for ${quota}: ${limit}`),
  noSuchRole: (roleName: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError('NoSuchEntity', `The role with name ${roleName} cannot be found.`),
  roleExists: (roleName: string): ServiceError<'EntityAlreadyExists'> =>
    new ServiceError('EntityAlreadyExists', `Role with name ${roleName} already exists.`),
  noSuchRolePolicy: (roleName: string, policyName: string) =>
    new ServiceError(
      'NoSuchEntity',
      `The role policy with name ${policyName} cannot be found for role ${roleName}.`,
    ),
  noSuchPolicy: (policyArn: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError('NoSuchEntity', `Policy ${policyArn} does not exist or is not attachable.`),
  noSuchPolicyVersion: (policyArn: string, versionId: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError(
      'NoSuchEntity',
      `Policy ${policyArn} version ${versionId} does not exist or is not attachable.`,
    ),
  tooManyPolicyVersions: (): ServiceError<'LimitExceeded'> =>
    new ServiceError(
      'LimitExceeded',
      'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    ),
  defaultVersionInUse: (): ServiceError<'DeleteConflict'> =>
    new ServiceError('DeleteConflict', 'Cannot delete the default version of a policy.'),
  policyHasVersions: (): ServiceError<'DeleteConflict'> =>
    new ServiceError(
      'DeleteConflict',
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    ),
  policyNotAttached: (policyArn: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError('NoSuchEntity', `Policy ${policyArn} was not found.`),
  policyExists: (policyName: string) =>
    new ServiceError(
      'EntityAlreadyExists',
      `A policy called ${policyName} already exists. Duplicate names are not allowed.`,
    ),
  roleHasInlinePolicies: (): ServiceError<'DeleteConflict'> =>
    new ServiceError('DeleteConflict', 'Cannot delete entity, must delete policies first.'),
  roleHasAttachedPolicies: (): ServiceError<'DeleteConflict'> =>
    new ServiceError('DeleteConflict', 'Cannot delete entity, must detach all policies first.'),
  policyInUse: (): ServiceError<'DeleteConflict'> =>
    new ServiceError('DeleteConflict', 'Cannot delete a policy attached to entities.'),
  noSuchUser: (userName: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError('NoSuchEntity', `The user with name ${userName} cannot be found.`),
  userExists: (userName: string): ServiceError<'EntityAlreadyExists'> =>
    new ServiceError('EntityAlreadyExists', `User with name ${userName} already exists.`),
  noSuchAccessKey: (accessKeyId: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError('NoSuchEntity', `The Access Key with id ${accessKeyId} cannot be found.`),
  noSuchUserPolicy: (userName: string, policyName: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError(
      'NoSuchEntity',
      `The user policy with name ${policyName} cannot be found for user ${userName}.`,
    ),
  userHasAccessKeys: (): ServiceError<'DeleteConflict'> =>
    new ServiceError('DeleteConflict', 'Cannot delete entity, must delete access keys first.'),
  userHasInlinePolicies: (): ServiceError<'DeleteConflict'> =>
    new ServiceError('DeleteConflict', 'Cannot delete entity, must delete policies first.'),
  userHasAttachedPolicies: (): ServiceError<'DeleteConflict'> =>
    new ServiceError('DeleteConflict', 'Cannot delete entity, must detach all policies first.'),
  userInGroups: (): ServiceError<'DeleteConflict'> =>
    new ServiceError('DeleteConflict', 'Cannot delete entity, must remove user from all groups first.'),
  noSuchGroup: (groupName: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError('NoSuchEntity', `The group with name ${groupName} cannot be found.`),
  groupExists: (groupName: string): ServiceError<'EntityAlreadyExists'> =>
    new ServiceError('EntityAlreadyExists', `Group with name ${groupName} already exists.`),
  noSuchGroupPolicy: (groupName: string, policyName: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError(
      'NoSuchEntity',
      `The group policy with name ${policyName} cannot be found for group ${groupName}.`,
    ),
  groupHasMembers: (): ServiceError<'DeleteConflict'> =>
    new ServiceError('DeleteConflict', 'Cannot delete entity, must remove users from group first.'),
  noSuchOidcProvider: (arn: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError('NoSuchEntity', `OpenIDConnect Provider not found for arn ${arn}`),
  oidcProviderExists: (url: string): ServiceError<'EntityAlreadyExists'> =>
    new ServiceError('EntityAlreadyExists', `Provider with url ${url} already exists.`),
  noSuchSamlProvider: (arn: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError('NoSuchEntity', `SAMLProvider not found for arn ${arn}`),
  samlProviderExists: (name: string): ServiceError<'EntityAlreadyExists'> =>
    new ServiceError('EntityAlreadyExists', `SAMLProvider named ${name} already exists.`),
};

export const StsErrors = {
  validation: (message: string): ServiceError<'ValidationError'> =>
    new ServiceError('ValidationError', message),
  accessDenied: (message: string): ServiceError<'AccessDenied'> => new ServiceError('AccessDenied', message),
  invalidIdentityToken: (message: string): ServiceError<'InvalidIdentityToken'> =>
    new ServiceError('InvalidIdentityToken', message),
  expiredToken: (message: string): ServiceError<'ExpiredTokenException'> =>
    new ServiceError('ExpiredTokenException', message),
  idpRejectedClaim: (message: string): ServiceError<'IDPRejectedClaim'> =>
    new ServiceError('IDPRejectedClaim', message),
  idpCommunication: (message: string): ServiceError<'IDPCommunicationError'> =>
    new ServiceError('IDPCommunicationError', message),
  malformedPolicy: (reason: string): ServiceError<'MalformedPolicyDocument'> =>
    new ServiceError('MalformedPolicyDocument', reason),
  packedPolicyTooLarge: (percent: number) =>
    new ServiceError(
      'PackedPolicyTooLarge',
      `Packed policy consumes ${percent}% of allotted space, please use smaller policy for this request.`,
    ),
};
