/**
 * The one error the parser raises. The message is what goes on the wire as the
 * MalformedPolicyDocument message, so where IAM has a well-known sentence we use it verbatim;
 * where IAM only says "Syntax errors in policy." we say which element is wrong, since that is what
 * a caller of a self-hosted service needs to fix the document.
 */
export class MalformedPolicyDocumentError extends Error {
  readonly code = 'MalformedPolicyDocument';

  constructor(
    message: string,
    /** Where in the document, e.g. "Statement[1].Condition.StringEquals". */
    readonly path?: string,
  ) {
    super(message);
    this.name = 'MalformedPolicyDocumentError';
  }
}

/** Messages shared by the parser and its tests; the IAM-verbatim ones are marked. */
export const PolicyErrors = {
  /** IAM verbatim. */
  syntax: 'Syntax errors in policy.',
  /** IAM verbatim. */
  principalNotAllowed: 'Policy document should not specify a principal.',
  /** IAM verbatim. */
  missingActions: 'Policy statement must contain actions.',
  /** IAM verbatim. */
  missingResources: 'Policy statement must contain resources.',
  /** IAM verbatim. */
  duplicateSid: 'Statement IDs (SID) in a single policy must be unique.',
  /** IAM verbatim. */
  sidNotAlphanumeric:
    'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
  /** IAM verbatim. */
  actionVendor: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  /** IAM verbatim. */
  actionColons: 'Actions/Condition can contain only one colon.',
  /** IAM verbatim. */
  resourceVendor: 'Resource vendor must be fully qualified and cannot contain regexes.',
  /** IAM verbatim. */
  versionTooOld: 'Policy document must be version 2012-10-17 or greater.',
  /** IAM verbatim (IAM's date parser runs in its "legacy" pass). */
  legacyParsing: 'The policy failed legacy parsing',
  missingStatement: 'Missing required field Statement',
  emptyStatement: 'Policy document must contain at least one statement.',
  missingEffect: 'Missing required field Effect',
  missingPrincipal: 'Missing required field Principal',
  unknownField: (field: string) => `Unknown field ${field}`,
  prohibitedField: (field: string) => `Has prohibited field ${field}`,
  bothElements: (a: string, b: string) => `Statement cannot contain both ${a} and ${b}.`,
  invalidVersion: (version: string) => `Invalid Version ${version}; expected 2012-10-17 or 2008-10-17.`,
  invalidEffect: (effect: string) => `Invalid effect: ${effect}`,
  invalidVendor: (vendor: string) => `Vendor ${vendor} is not valid`,
  resourceFormat: (resource: string) => `Resource ${resource} must be in ARN format or "*".`,
  invalidPrincipal: (text: string) => `Invalid principal in policy: ${text}`,
  invalidOperator: (operator: string) => `Invalid Condition operator: ${operator}`,
  invalidConditionValue: (operator: string, value: string) =>
    `Invalid Condition value for ${operator}: ${JSON.stringify(value)}`,
  duplicateKey: (key: string) => `Duplicate field ${key}`,
} as const;
