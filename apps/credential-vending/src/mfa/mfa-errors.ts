import { ServiceError } from '@idfed/messaging';

/** IAM's and STS's answers about MFA devices (ADR 0072), in AWS's wording where it is known. */
export const MfaErrors = {
  deviceExists: (): ServiceError<'EntityAlreadyExists'> =>
    new ServiceError('EntityAlreadyExists', 'MFADevice entity at the same path and name already exists.'),
  /** A device that is not there, or not the named user's: the same answer, so serials cannot be probed. */
  noSuchDevice: (serialNumber: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError('NoSuchEntity', `MFA Device with serial number ${serialNumber} does not exist.`),
  noSuchVirtualDevice: (serialNumber: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError('NoSuchEntity', `VirtualMFADevice with serial number ${serialNumber} doesn't exist.`),
  deviceInUse: (): ServiceError<'EntityAlreadyExists'> =>
    new ServiceError('EntityAlreadyExists', 'MFA Device is already in use.'),
  deviceAssigned: (): ServiceError<'DeleteConflict'> =>
    new ServiceError('DeleteConflict', 'MFA Device is in use and cannot be deleted.'),
  invalidCode: (): ServiceError<'InvalidAuthenticationCode'> =>
    new ServiceError('InvalidAuthenticationCode', 'Authentication code for device is not valid.'),
  userHasDevices: (): ServiceError<'DeleteConflict'> =>
    new ServiceError('DeleteConflict', 'Cannot delete entity, must delete MFA device first.'),
  /** STS: the serial is not a device of the caller (or the caller has none). */
  stsUnknownDevice: (): ServiceError<'AccessDenied'> =>
    new ServiceError(
      'AccessDenied',
      'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
    ),
  /** STS: a wrong code, or one already accepted. */
  stsInvalidCode: (): ServiceError<'AccessDenied'> =>
    new ServiceError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.'),
};
