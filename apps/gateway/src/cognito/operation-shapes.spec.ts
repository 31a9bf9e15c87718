import { hasOperationShape, operationShapes } from '@idfed/aws-protocol';
import {
  COGNITO_IDENTITY_OPERATIONS,
  COGNITO_USER_POOL_OPERATIONS,
  IAM_QUERY_OPERATIONS,
  STS_QUERY_OPERATIONS,
} from '@idfed/contracts';

/**
 * Every operation the gateway serves is validated at the edge against its AWS shape, and the
 * generated shapes (scripts/generate-aws-shapes.mjs) hold nothing idfed does not serve.
 */
describe('AWS input shapes for the served operations', () => {
  const served = {
    'cognito-idp': Object.keys(COGNITO_USER_POOL_OPERATIONS),
    'cognito-identity': Object.keys(COGNITO_IDENTITY_OPERATIONS),
    sts: [...Object.keys(STS_QUERY_OPERATIONS), 'GetCallerIdentity'],
    // RevokeRoleSessions is idfed's own: its service validates it.
    iam: Object.keys(IAM_QUERY_OPERATIONS).filter((op) => op !== 'RevokeRoleSessions'),
  } as const;

  it.each(Object.entries(served))('%s: the shapes cover exactly the served operations', (api, operations) => {
    const a = api as keyof typeof served;
    expect(operations.filter((op) => !hasOperationShape(a, op))).toEqual([]);
    expect(Object.keys(operationShapes(a).operations).sort()).toEqual([...operations].sort());
  });
});
