import { PolicyDescriptor } from '@idfed/contracts';
import { packSessionPolicies } from '@idfed/session-credentials';
import { StsErrors } from '../common/iam-errors';
import { readPolicy } from '../common/policy-documents';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';

export interface SessionPolicies {
  /** Minified documents: the inline Policy first, then each PolicyArns document in order. */
  documents: string[];
  /** PackedPolicySize, when any session policy was passed. */
  packedPercent?: number;
}

/**
 * The session policies of an AssumeRole* request: validated (MalformedPolicyDocument with the
 * policy library's reason), resolved (PolicyArns to their default version) and packed, over the
 * budget being PackedPolicyTooLarge. The session's permissions are the role's intersected with these.
 */
export async function readSessionPolicies(
  policies: ManagedPolicyLookup,
  req: { Policy?: string; PolicyArns?: PolicyDescriptor[] },
  /** Session tags share the packed budget (ADR 0041). */
  tags: readonly { Key: string; Value: string }[] = [],
): Promise<SessionPolicies> {
  const texts: string[] = [];
  if (req.Policy !== undefined) texts.push(req.Policy);
  const arns = (req.PolicyArns ?? []).map((p) => p.arn);
  if (arns.length) {
    try {
      texts.push(...(await policies.documents(arns)));
    } catch (err) {
      if ((err as { errorName?: string }).errorName === 'NoSuchEntity') {
        throw StsErrors.validation((err as Error).message);
      }
      throw err;
    }
  }
  if (texts.length === 0 && tags.length === 0) return { documents: [] };
  const documents = texts.map((text) => JSON.stringify(readPolicy(text, 'session').json));
  const packed = packSessionPolicies(documents, tags);
  if (packed.percent > 100) throw StsErrors.packedPolicyTooLarge(packed.percent);
  return { documents, packedPercent: packed.percent };
}
