import { RequestValidator as AwsRequestValidator } from '@idfed/aws-protocol';
import { BrokerErrors } from './broker-errors';

/** The AWS-worded validator, failing with Cognito Identity's InvalidParameterException. */
export const RequestValidator = {
  of: (body: unknown): AwsRequestValidator => AwsRequestValidator.of(body, BrokerErrors.invalidParameter),
};

/** Patterns from the Cognito Identity API reference. */
export const Patterns = {
  identityPoolId: /^[\w-]+:[0-9a-f-]+$/,
  identityId: /^[\w-]+:[0-9a-f-]+$/,
  identityPoolName: /^[\w\s+=,.@-]+$/,
  developerProviderName: /^[\w._-]+$/,
  developerUserIdentifier: /^[\w.@_-]+$/,
  roleArn: /^arn:aws:iam::\d{12}:role\/.+$/,
  providerName: /^[\w.:/-]+$/,
  clientId: /^[\w_]+$/,
};
