import { ManagedLoginBrandingType } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { CognitoErrors } from '../common/cognito-errors';
import { CheckedAsset, DEFAULT_SETTINGS, MAX_ASSET_BYTES_TOTAL, mergeSettings } from './branding-rules';
import { AssetRow, BrandingRow } from './managed-login-brandings.repository';

/** A style as the five operations answer it; `merged` lays its settings on the defaults. */
export function toBrandingType(
  row: BrandingRow,
  assets: AssetRow[],
  merged: boolean,
): ManagedLoginBrandingType {
  const settings = merged ? mergeSettings(DEFAULT_SETTINGS, row.settings ?? {}) : row.settings;
  return {
    ManagedLoginBrandingId: row.id,
    UserPoolId: row.poolId,
    UseCognitoProvidedValues: row.useCognitoProvidedValues,
    ...(settings !== null ? { Settings: settings } : {}),
    Assets: assets.map((a) => ({
      Category: a.category,
      ColorMode: a.colorMode,
      Extension: a.extension,
      ...(a.bytes ? { Bytes: a.bytes.toString('base64') } : {}),
      ...(a.resourceId !== null ? { ResourceId: a.resourceId } : {}),
    })),
    CreationDate: row.createdAt.getTime() / 1000,
    LastModifiedDate: row.updatedAt.getTime() / 1000,
  };
}

export const BrandingErrors = {
  notFound: () =>
    new ServiceError('ResourceNotFoundException', 'Managed login branding does not exist in this user pool.'),
  exists: () =>
    new ServiceError(
      'ManagedLoginBrandingExistsException',
      'A managed login branding style already exists for this app client.',
    ),
  providedValuesWithSettings: () =>
    CognitoErrors.invalidParameter(
      'Settings and Assets must be omitted when UseCognitoProvidedValues is true.',
    ),
  assetWithoutBytes: (category: string, colorMode: string) =>
    CognitoErrors.invalidParameter(`The ${category} asset for ColorMode ${colorMode} needs its Bytes.`),
  tooLarge: () =>
    CognitoErrors.invalidParameter(
      `The branding's assets must be ${MAX_ASSET_BYTES_TOTAL} bytes or smaller in total.`,
    ),
};

/** The bytes the request's assets add up to (for a first check before anything is read). */
export const bytesOf = (assets: CheckedAsset[]) => assets.reduce((n, a) => n + (a.bytes?.length ?? 0), 0);
