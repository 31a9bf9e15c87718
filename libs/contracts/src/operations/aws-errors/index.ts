import { COGNITO_IDENTITY_ERRORS } from './cognito-identity.errors';
import { COGNITO_IDP_ERRORS } from './cognito-idp.errors';
import { COGNITO_SYNC_ERRORS } from './cognito-sync.errors';
import { IAM_ERRORS } from './iam.errors';
import { STS_ERRORS } from './sts.errors';

/** The errors every operation of every AWS API idfed speaks declares, from botocore's models. */
export const AWS_MODEL_ERRORS = {
  'cognito-idp': COGNITO_IDP_ERRORS,
  'cognito-identity': COGNITO_IDENTITY_ERRORS,
  'cognito-sync': COGNITO_SYNC_ERRORS,
  sts: STS_ERRORS,
  iam: IAM_ERRORS,
} as const;

type Models = typeof AWS_MODEL_ERRORS;

/** An AWS API by botocore's name, which is also its SigV4 signing name. */
export type AwsApiName = keyof Models;

/** An operation AWS publishes for the API: naming one it does not is a compile error. */
export type AwsOperationName<A extends AwsApiName> = keyof Models[A] & string;

/** The errors AWS documents for one operation. */
export type ModelErrorOf<A extends AwsApiName, O extends string> = O extends keyof Models[A]
  ? Models[A][O] extends readonly (infer E extends string)[]
    ? E
    : never
  : never;

/** Every error any modelled operation of any of these APIs declares. */
export type ModelErrorName = {
  [A in AwsApiName]: {
    [O in keyof Models[A]]: Models[A][O] extends readonly (infer E extends string)[] ? E : never;
  }[keyof Models[A]];
}[AwsApiName];

export function modelErrorsOf(api: AwsApiName, operation: string): readonly string[] {
  const model: Readonly<Record<string, readonly string[]>> = AWS_MODEL_ERRORS[api];
  return Object.hasOwn(model, operation) ? model[operation] : [];
}
