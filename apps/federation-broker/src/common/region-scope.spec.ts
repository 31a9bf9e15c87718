import { ServiceError } from '@idfed/messaging';
import { identityPoolRegionScope } from './region-scope';

function refusal(run: () => void): unknown {
  try {
    run();
    return undefined;
  } catch (err) {
    return (err as ServiceError).getError();
  }
}

const EU_POOL = 'eu-west-1:0f0e6f44-3a43-4c5e-9c36-0d7c1b8d5a10';
const US_POOL = 'us-east-1:0f0e6f44-3a43-4c5e-9c36-0d7c1b8d5a10';

describe('identityPoolRegionScope (ADR 0032)', () => {
  it("lets a request name its own region's identity pools and identities", () => {
    expect(
      refusal(() => identityPoolRegionScope({ IdentityPoolId: EU_POOL, IdentityId: EU_POOL }, 'eu-west-1')),
    ).toBe(undefined);
    expect(refusal(() => identityPoolRegionScope({ MaxResults: 5 }, 'eu-west-1'))).toBeUndefined();
  });

  it('answers a pool or an identity of another region as one that does not exist', () => {
    expect(refusal(() => identityPoolRegionScope({ IdentityPoolId: US_POOL }, 'eu-west-1'))).toEqual({
      name: 'ResourceNotFoundException',
      message: `IdentityPool '${US_POOL}' not found.`,
    });
    expect(refusal(() => identityPoolRegionScope({ IdentityId: US_POOL }, 'eu-west-1'))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Identity '${US_POOL}' not found.`,
    });
  });
});
