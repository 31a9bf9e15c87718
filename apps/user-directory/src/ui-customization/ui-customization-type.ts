import { UICustomizationType } from '@idfed/contracts';
import { UiCustomizationEntity } from '../database/entities';

/** The version of a customization (CSSVersion and the logo URL's `v`): changes with every Set. */
export const versionOf = (row: Pick<UiCustomizationEntity, 'updatedAt'>): string =>
  String(row.updatedAt.getTime());

/**
 * Where idfed serves the logo of a customization: `<issuer>/ui-customization/logo/<client or ALL>`,
 * versioned so a browser may cache it for good (the gateway's OAuth controller serves it).
 */
export function logoUrlOf(publicUrl: string, row: UiCustomizationEntity): string {
  return `${publicUrl}/${row.poolId}/ui-customization/logo/${encodeURIComponent(row.clientId)}?v=${versionOf(row)}`;
}

/** A customization as Set/GetUICustomization answer it; CSSVersion changes with every Set. */
export function toUICustomizationType(row: UiCustomizationEntity, publicUrl: string): UICustomizationType {
  return {
    UserPoolId: row.poolId,
    ClientId: row.clientId,
    ...(row.imageType !== null ? { ImageUrl: logoUrlOf(publicUrl, row) } : {}),
    ...(row.css !== null ? { CSS: row.css, CSSVersion: versionOf(row) } : {}),
    LastModifiedDate: row.updatedAt.getTime() / 1000,
    CreationDate: row.createdAt.getTime() / 1000,
  };
}
