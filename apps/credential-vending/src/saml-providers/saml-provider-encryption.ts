import { AssertionEncryptionModeType } from '@idfed/contracts';
import { IamErrors } from '../common/iam-errors';
import { RequestValidator } from '../common/validate';
import { SamlProviderEntity } from '../database/entities';
import { MAX_SAML_PRIVATE_KEYS, SamlPrivateKeys } from './saml-private-keys';

/** The encryption members of CreateSAMLProvider / UpdateSAMLProvider, as botocore shapes them. */
export function validateEncryptionMembers(v: RequestValidator, update: boolean): RequestValidator {
  v.oneOf('AssertionEncryptionMode', ['Required', 'Allowed']).string('AddPrivateKey', {
    min: 1,
    max: 16384,
    // IAM's privateKeyType: tab, line feed, carriage return and printable Latin-1.
    pattern: new RegExp('^[\\t\\n\\r\\u0020-\\u00FF]+$'),
    secret: true,
  });
  return update ? v.string('RemovePrivateKey', { min: 22, max: 64, pattern: /^[A-Z0-9]+$/ }) : v;
}

/**
 * A provider's encryption settings after a Create / Update (ADR 0055): the key removed, then the
 * key added (sealed), at most two, then the mode; `Required` needs a key to decrypt with.
 */
export function nextEncryption(
  sealer: SamlPrivateKeys,
  current: Pick<SamlProviderEntity, 'arn' | 'assertionEncryptionMode' | 'privateKeys'>,
  req: {
    AssertionEncryptionMode?: AssertionEncryptionModeType;
    AddPrivateKey?: string;
    RemovePrivateKey?: string;
  },
  now: Date,
): Pick<SamlProviderEntity, 'assertionEncryptionMode' | 'privateKeys'> {
  let keys = current.privateKeys;
  if (req.RemovePrivateKey !== undefined) {
    if (!keys.some((k) => k.keyId === req.RemovePrivateKey))
      throw IamErrors.invalidInput(
        `The private key ${req.RemovePrivateKey} is not a key of this SAML provider.`,
      );
    keys = keys.filter((k) => k.keyId !== req.RemovePrivateKey);
  }
  if (req.AddPrivateKey !== undefined) {
    const added = sealer.seal(current.arn, req.AddPrivateKey, now);
    if (keys.some((k) => k.keyId === added.keyId))
      throw IamErrors.invalidInput(`The private key ${added.keyId} is already a key of this SAML provider.`);
    if (keys.length >= MAX_SAML_PRIVATE_KEYS)
      throw IamErrors.limitExceeded('private keys per SAML provider', MAX_SAML_PRIVATE_KEYS);
    keys = [...keys, added];
  }
  const mode = req.AssertionEncryptionMode ?? current.assertionEncryptionMode;
  if (mode === 'Required' && keys.length === 0)
    throw IamErrors.invalidInput('AssertionEncryptionMode Required needs a private key (AddPrivateKey).');
  return { assertionEncryptionMode: mode, privateKeys: keys };
}
