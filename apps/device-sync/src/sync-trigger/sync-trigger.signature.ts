import { createHmac } from 'node:crypto';

/** The headers that authenticate one sync trigger call (ADR 0016). */
export interface TriggerCallHeaders {
  'x-idfed-trigger-id': string;
  'x-idfed-timestamp': string;
  'x-idfed-function': string;
  'x-idfed-signature': string;
}

/**
 * `v1=` + hex HMAC-SHA256, under the configured secret, of
 * `v1\n<timestamp>\n<call id>\n<function ARN>\n<body>`: the receiver recomputes it over the raw
 * body, refuses a timestamp more than 5 minutes off and a call id it has already seen, so a
 * captured call can be neither altered, replayed, nor sent to another trigger.
 */
export function signTriggerCall(
  secret: Buffer,
  call: { id: string; timestamp: number; functionArn: string; body: string },
): TriggerCallHeaders {
  const mac = createHmac('sha256', secret)
    .update(`v1\n${call.timestamp}\n${call.id}\n${call.functionArn}\n${call.body}`)
    .digest('hex');
  return {
    'x-idfed-trigger-id': call.id,
    'x-idfed-timestamp': String(call.timestamp),
    'x-idfed-function': call.functionArn,
    'x-idfed-signature': `v1=${mac}`,
  };
}
