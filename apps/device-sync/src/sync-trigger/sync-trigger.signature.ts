import { createHmac, hkdfSync } from 'node:crypto';

/** The headers that authenticate one sync trigger call (ADR 0023, after ADR 0016). */
export interface TriggerCallHeaders {
  'x-idfed-trigger-id': string;
  'x-idfed-timestamp': string;
  'x-idfed-function': string;
  'x-idfed-signature': string;
}

/**
 * The key one endpoint verifies its calls with: HKDF-SHA256 of `IDFED_SYNC_TRIGGER_SECRET`, info
 * `idfed sync trigger endpoint v2` and the function name. Each receiver holds only its own key
 * (`npm run sync-trigger-key -- <name>`), so one receiver cannot forge calls to another, and the
 * operator still keeps a single secret.
 */
export function endpointKey(secret: Buffer, functionName: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', secret, Buffer.alloc(0), `idfed sync trigger endpoint v2\n${functionName}`, 32),
  );
}

/**
 * `v2=` + hex HMAC-SHA256, under the endpoint's key, of
 * `v2\n<timestamp>\n<call id>\n<function ARN>\n<body>`: the receiver recomputes it over the raw
 * body, refuses a timestamp more than 5 minutes off and a call id it has already seen, so a
 * captured call can be neither altered, replayed, nor sent to another trigger.
 */
export function signTriggerCall(
  key: Buffer,
  call: { id: string; timestamp: number; functionArn: string; body: string },
): TriggerCallHeaders {
  const mac = createHmac('sha256', key)
    .update(`v2\n${call.timestamp}\n${call.id}\n${call.functionArn}\n${call.body}`)
    .digest('hex');
  return {
    'x-idfed-trigger-id': call.id,
    'x-idfed-timestamp': String(call.timestamp),
    'x-idfed-function': call.functionArn,
    'x-idfed-signature': `v2=${mac}`,
  };
}
