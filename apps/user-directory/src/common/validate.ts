import { RequestValidator as AwsRequestValidator } from '@idfed/aws-protocol';
import { CognitoErrors } from './cognito-errors';

/** The AWS-worded validator, failing with Cognito's InvalidParameterException. */
export const RequestValidator = {
  of: (body: unknown): AwsRequestValidator => AwsRequestValidator.of(body, CognitoErrors.invalidParameter),
};

/** Patterns from the Cognito API reference. */
export const Patterns = {
  userPoolId: /^[\w-]+_[0-9a-zA-Z]+$/,
  clientId: /^[\w+]+$/,
  username: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u,
  password: /^[\S]+.*[\S]+$|^[\S]$/,
  poolName: /^[\w\s+=,.@-]+$/,
  clientName: /^[\w\s+=,.@-]+$/,
  code: /^[\S]+$/,
};
