import { ShapeErrors, ShapeValidator, WireProtocol } from './shape-validator';
import { ServiceShapes } from './shape-model';
import { COGNITO_IDENTITY_SHAPES } from './shapes/cognito-identity.shapes';
import { COGNITO_IDP_SHAPES } from './shapes/cognito-idp.shapes';
import { COGNITO_SYNC_SHAPES } from './shapes/cognito-sync.shapes';
import { IAM_SHAPES } from './shapes/iam.shapes';
import { STS_SHAPES } from './shapes/sts.shapes';

/** The AWS APIs idfed speaks, by botocore's names (also their SigV4 signing names). */
export type AwsApi = 'cognito-idp' | 'cognito-identity' | 'cognito-sync' | 'sts' | 'iam';

interface ApiValidation {
  shapes: ServiceShapes;
  protocol: WireProtocol;
  errors: ShapeErrors;
}

/**
 * Which error each API answers bad input with. Cognito user pools and Cognito Sync (whose REST-JSON
 * members arrive typed, see bindRestRequest) report constraint violations as
 * InvalidParameterException; Cognito Identity reports them as ValidationException (observed on AWS:
 * `ValidationException ... Value '...' at 'identityPoolName' failed to satisfy constraint` for
 * CreateIdentityPool, getmoto/moto#1979 and #4415 checked against AWS; the same for GetId's
 * `identityPoolId`, aws-amplify/amplify-swift#2864, amazon-freertos#1829; ADR 0047). A wrongly
 * typed JSON value is SerializationException on all three. STS and IAM, on the Query protocol where
 * every value arrives as text, answer ValidationError for both.
 */
const APIS: Readonly<Record<AwsApi, ApiValidation>> = {
  'cognito-idp': {
    shapes: COGNITO_IDP_SHAPES,
    protocol: 'json',
    errors: { invalid: 'InvalidParameterException', wrongType: 'SerializationException' },
  },
  'cognito-identity': {
    shapes: COGNITO_IDENTITY_SHAPES,
    protocol: 'json',
    errors: { invalid: 'ValidationException', wrongType: 'SerializationException' },
  },
  'cognito-sync': {
    shapes: COGNITO_SYNC_SHAPES,
    protocol: 'json',
    errors: { invalid: 'InvalidParameterException', wrongType: 'SerializationException' },
  },
  sts: {
    shapes: STS_SHAPES,
    protocol: 'query',
    errors: { invalid: 'ValidationError', wrongType: 'ValidationError' },
  },
  iam: {
    shapes: IAM_SHAPES,
    protocol: 'query',
    errors: { invalid: 'ValidationError', wrongType: 'ValidationError' },
  },
};

/**
 * The edge check every request passes before the gateway forwards it: the request against the
 * input shape AWS publishes for (api, operation). Returns the request as the service should see it
 * (see ShapeValidator) or throws the AwsError AWS would answer. An operation with no AWS shape
 * (idfed's own RevokeRoleSessions) is returned unchanged for its service to check.
 */
export function validateOperationInput(
  api: AwsApi,
  operation: string,
  input: Record<string, unknown>,
): Record<string, unknown> {
  const { shapes, protocol, errors } = APIS[api];
  return ShapeValidator.validate(shapes, operation, input, protocol, errors);
}

/** Whether AWS publishes an input shape for the operation (tests keep this true for every served one). */
export function hasOperationShape(api: AwsApi, operation: string): boolean {
  return Object.hasOwn(APIS[api].shapes.operations, operation);
}

/** For the fuzz suite and tests: the shapes of one API. */
export function operationShapes(api: AwsApi): ServiceShapes {
  return APIS[api].shapes;
}
