import { Tag } from '@idfed/contracts';
import { StsErrors } from '../common/iam-errors';
import { RequestValidator } from '../common/validate';
import { refuseDuplicateTagKeys, validateTransitiveTagKeys } from './session-tags';

/** The attribute names a SAML assertion passes session tags in (IAM user guide, "Passing session tags using AssumeRoleWithSAML"). */
export const SAML_PRINCIPAL_TAG_PREFIX = 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:';
export const SAML_TRANSITIVE_TAG_KEYS = 'https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys';

/**
 * Session tags from a verified assertion's attributes: one `PrincipalTag:<key>` attribute per tag,
 * with exactly one value, and the keys to pass on in `TransitiveTagKeys` (one key a value). Checked
 * as AssumeRole's Tags and TransitiveTagKeys are (50 at most, key and value lengths and characters,
 * no key twice in any case, transitive keys among the tags); anything wrong is the assertion's
 * fault: InvalidIdentityToken.
 */
export function samlSessionTags(attributes: Record<string, string[]>): {
  Tags: Tag[];
  TransitiveTagKeys: string[];
} {
  const bad = (why: string) =>
    StsErrors.invalidIdentityToken(`The session tags of the SAML assertion are invalid: ${why}`);
  const tags: Tag[] = [];
  for (const [name, values] of Object.entries(attributes)) {
    if (!name.startsWith(SAML_PRINCIPAL_TAG_PREFIX)) continue;
    const Key = name.slice(SAML_PRINCIPAL_TAG_PREFIX.length);
    if (values.length !== 1) throw bad(`the tag ${Key} must have exactly one value`);
    tags.push({ Key, Value: values[0] });
  }
  const req = { Tags: tags, TransitiveTagKeys: attributes[SAML_TRANSITIVE_TAG_KEYS] ?? [] };
  try {
    refuseDuplicateTagKeys(req.Tags);
    RequestValidator.of(req).tags().check(StsErrors.validation);
    validateTransitiveTagKeys(req);
  } catch (err) {
    throw bad((err as Error).message);
  }
  return req;
}
