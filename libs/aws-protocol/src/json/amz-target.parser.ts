/** `X-Amz-Target: <ServicePrefix>.<Operation>`, e.g. `AWSCognitoIdentityProviderService.SignUp`. */
export interface AmzTarget {
  servicePrefix: string;
  operation: string;
}

// Prefixes may carry a version with an underscore (DynamoDB_20120810) but never a dot, so the
// operation is what follows the one dot. Operation names are PascalCase identifiers.
const TARGET = /^([A-Za-z][A-Za-z0-9_]*)\.([A-Z][A-Za-z0-9]*)$/;

/** Undefined for a missing, repeated or malformed header: the caller answers UnknownOperationException. */
export function parseAmzTarget(header: string | string[] | undefined): AmzTarget | undefined {
  if (typeof header !== 'string') return undefined;
  const match = TARGET.exec(header.trim());
  return match ? { servicePrefix: match[1], operation: match[2] } : undefined;
}
