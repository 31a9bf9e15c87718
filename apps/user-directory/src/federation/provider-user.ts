import { ProviderUserIdentifierType } from '@idfed/contracts';
import { CognitoErrors } from '../common/cognito-errors';

/** A ProviderUserIdentifierType with the members an operation needs, each a non-empty string. */
export function providerUser(
  member: string,
  value: ProviderUserIdentifierType | undefined,
  needs: (keyof ProviderUserIdentifierType)[],
): Required<ProviderUserIdentifierType> {
  if (typeof value !== 'object' || value === null) {
    throw CognitoErrors.invalidParameter(`${member} is required.`);
  }
  for (const key of needs) {
    const v = value[key];
    if (typeof v !== 'string' || v.length === 0 || v.length > 2048) {
      throw CognitoErrors.invalidParameter(`${member}.${key} is required.`);
    }
  }
  return {
    ProviderName: value.ProviderName ?? '',
    ProviderAttributeName: value.ProviderAttributeName ?? '',
    ProviderAttributeValue: value.ProviderAttributeValue ?? '',
  };
}
