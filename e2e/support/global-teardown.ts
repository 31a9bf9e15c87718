import { stopTestInfrastructure } from '../../libs/testing/src/test-infrastructure';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__IDFED_E2E__?.stop();
  await globalThis.__IDFED_E2E_PEERS__?.google.stop();
  await globalThis.__IDFED_E2E_PEERS__?.social.close();
  await globalThis.__IDFED_E2E_PEERS__?.syncTriggers.close();
  await globalThis.__IDFED_E2E_PEERS__?.push.close();
  await globalThis.__IDFED_E2E_PEERS__?.userPoolTriggers.close();
  await stopTestInfrastructure();
}
