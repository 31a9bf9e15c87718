import { ServiceError } from '@idfed/messaging';
import { userPoolRegionScope } from './region-scope';

function refusal(run: () => void): { name: string; message: string } | undefined {
  try {
    run();
    return undefined;
  } catch (err) {
    return (err as ServiceError).getError() as { name: string; message: string };
  }
}

describe('userPoolRegionScope (ADR 0032)', () => {
  it("lets a request name its own region's pools, and requests naming none", () => {
    expect(
      refusal(() => userPoolRegionScope({ UserPoolId: 'eu-west-1_AbC123' }, 'eu-west-1')),
    ).toBeUndefined();
    expect(refusal(() => userPoolRegionScope({ ClientId: 'abc' }, 'eu-west-1'))).toBeUndefined();
  });

  it('answers a pool of another region as Cognito answers a pool that does not exist', () => {
    // AWS: "User pool <id> does not exist." (ResourceNotFoundException) for an id of another region.
    expect(refusal(() => userPoolRegionScope({ UserPoolId: 'us-east-1_AbC123' }, 'eu-west-1'))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_AbC123 does not exist.',
    });
    // A region whose name starts like another's is still another region.
    expect(refusal(() => userPoolRegionScope({ UserPoolId: 'eu-west-10_AbC' }, 'eu-west-1'))?.name).toBe(
      'ResourceNotFoundException',
    );
  });
});
