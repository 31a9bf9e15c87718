import { TermsDescriptionType, TermsType } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { TermsRow } from './terms.repository';

export const toTermsType = (row: TermsRow): TermsType => ({
  TermsId: row.id,
  UserPoolId: row.poolId,
  ClientId: row.clientId,
  TermsName: row.termsName,
  TermsSource: row.termsSource,
  Enforcement: row.enforcement,
  Links: row.links,
  CreationDate: row.createdAt.getTime() / 1000,
  LastModifiedDate: row.updatedAt.getTime() / 1000,
});

export const toTermsDescription = (row: TermsRow): TermsDescriptionType => ({
  TermsId: row.id,
  TermsName: row.termsName,
  Enforcement: row.enforcement,
  CreationDate: row.createdAt.getTime() / 1000,
  LastModifiedDate: row.updatedAt.getTime() / 1000,
});

export const TermsErrors = {
  notFound: () => new ServiceError('ResourceNotFoundException', 'Terms do not exist in this user pool.'),
  exists: (name: string) =>
    new ServiceError(
      'TermsExistsException',
      `Terms with the name ${name} already exist for this app client.`,
    ),
};

/** The members every terms request shares, as RequestValidator checks them. */
export const TermsMembers = {
  termsName: { pattern: /^(terms-of-use|privacy-policy)$/ },
  termsSource: { pattern: /^LINK$/ },
  enforcement: { pattern: /^NONE$/ },
} as const;
