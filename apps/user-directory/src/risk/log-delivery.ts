import { LogConfigurationType } from '@idfed/contracts';
import { CognitoErrors } from '../common/cognito-errors';

const DESTINATIONS = ['CloudWatchLogsConfiguration', 'S3Configuration', 'FirehoseConfiguration'] as const;

/**
 * The combinations the API reference allows (the wording is idfed's): `userNotification` logs are
 * `ERROR` level to a CloudWatch Logs group; `userAuthEvents` are `INFO` level to one of CloudWatch
 * Logs, S3 or Firehose; one destination each, one configuration per event source.
 */
export function checkLogConfigurations(configurations: unknown): LogConfigurationType[] {
  if (!Array.isArray(configurations))
    throw CognitoErrors.invalidParameter('LogConfigurations must be a list.');
  const sources = new Set<string>();
  for (const c of configurations as LogConfigurationType[]) {
    const destinations = DESTINATIONS.filter((d) => c[d] !== undefined);
    if (destinations.length !== 1) {
      throw CognitoErrors.invalidParameter('Each log configuration must have exactly one destination.');
    }
    if (sources.has(c.EventSource)) {
      throw CognitoErrors.invalidParameter(`Only one log configuration is allowed for ${c.EventSource}.`);
    }
    sources.add(c.EventSource);
    if (c.EventSource === 'userNotification') {
      if (c.LogLevel !== 'ERROR' || destinations[0] !== 'CloudWatchLogsConfiguration') {
        throw CognitoErrors.invalidParameter(
          'userNotification logs must be ERROR level with a CloudWatchLogsConfiguration.',
        );
      }
    } else if (c.LogLevel !== 'INFO') {
      throw CognitoErrors.invalidParameter('userAuthEvents logs must be INFO level.');
    }
    const arn = Object.values(c[destinations[0]] ?? {})[0];
    if (typeof arn !== 'string' || arn === '') {
      throw CognitoErrors.invalidParameter(`${destinations[0]} must name its destination's ARN.`);
    }
  }
  return configurations as LogConfigurationType[];
}
