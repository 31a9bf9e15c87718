/** IAM and STS timestamps on the wire: ISO 8601 in UTC, whole seconds. */
export function awsTimestamp(date: Date | number): string {
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
