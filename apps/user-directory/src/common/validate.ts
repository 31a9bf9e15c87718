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
  token: /^[A-Za-z0-9-_=.]+$/,
  clientSecret: /^[\w+]+$/,
  groupName: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u,
  /** An IAM role: what a group's RoleArn may name. */
  roleArn: /^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/,
};

/** The constraints of members many operations share, for `RequestValidator.string(name, ...)`. */
export const Members = {
  userPoolId: { required: true, min: 1, max: 55, pattern: Patterns.userPoolId },
  username: { required: true, min: 1, max: 128, pattern: Patterns.username },
  clientId: { required: true, min: 1, max: 128, pattern: Patterns.clientId },
  groupName: { required: true, min: 1, max: 128, pattern: Patterns.groupName },
  /** Cognito's TokenModelType; a token is never echoed in a message. */
  accessToken: { required: true, pattern: Patterns.token, secret: true },
} as const;
