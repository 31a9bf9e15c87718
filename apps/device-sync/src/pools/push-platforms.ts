/** The push platforms Cognito Sync registers devices for (botocore's `Platform`). */
export const PUSH_PLATFORMS = ['APNS', 'APNS_SANDBOX', 'GCM', 'ADM'] as const;
export type PushPlatform = (typeof PUSH_PLATFORMS)[number];

/**
 * The platform an SNS platform application ARN names: `arn:aws:sns:<region>:<account>:app/<PLATFORM>/<name>`
 * (the edge has checked the pattern), or undefined for one Cognito Sync cannot push to.
 */
export function platformOfApplicationArn(arn: string): PushPlatform | undefined {
  const match = /:app\/([A-Z_]+)\/[^/]+$/.exec(arn);
  const platform = match?.[1];
  return PUSH_PLATFORMS.find((p) => p === platform);
}
