import { stopTestInfrastructure } from '../../libs/testing/src/test-infrastructure';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__IDFED_E2E__?.stop();
  await stopTestInfrastructure();
}
