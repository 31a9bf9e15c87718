import { UICustomizationType } from '@idfed/contracts';
import { UiCustomizationEntity } from '../database/entities';

/** A customization as Set/GetUICustomization answer it; CSSVersion changes with every Set. */
export function toUICustomizationType(row: UiCustomizationEntity): UICustomizationType {
  return {
    UserPoolId: row.poolId,
    ClientId: row.clientId,
    ...(row.css !== null ? { CSS: row.css, CSSVersion: String(row.updatedAt.getTime()) } : {}),
    LastModifiedDate: row.updatedAt.getTime() / 1000,
    CreationDate: row.createdAt.getTime() / 1000,
  };
}
