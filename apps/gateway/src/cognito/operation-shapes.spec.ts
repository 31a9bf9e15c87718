import { hasOperationShape } from '@idfed/aws-protocol';
import { OPERATION_CATALOG } from '@idfed/contracts';

/** Every AWS operation the gateway serves is validated at the edge against its AWS shape. */
describe('AWS input shapes for the served operations', () => {
  const served = OPERATION_CATALOG.flatMap((op) =>
    op.surface.protocol === 'bus' ? [] : [{ api: op.surface.api, op }],
  );

  it('has a published input shape for every served AWS operation (idfed’s own excepted)', () => {
    const own = ['RevokeRoleSessions'];
    const missing = served.filter(
      ({ api, op }) => !own.includes(op.name) && !hasOperationShape(api, op.name),
    );
    expect(missing.map(({ api, op }) => `${api}:${op.name}`)).toEqual([]);
    expect(served.length).toBeGreaterThan(80);
  });
});
