import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestInfrastructure } from '../../libs/testing/src/test-infrastructure';
import { E2eMode, startSystemUnderTest, SystemUnderTest } from './system-under-test';

declare global {
  var __IDFED_E2E__: SystemUnderTest | undefined;
}

/** Starts the real system once per run (Kafka consumer groups take seconds to form) and tells the tests where it is. */
export default async function globalSetup(): Promise<void> {
  const mode = (process.env.IDFED_E2E_MODE ?? 'embedded') as E2eMode;
  if (mode === 'distributed') process.env.IDFED_TEST_WITH_KAFKA = '1';
  await startTestInfrastructure();
  const system = await startSystemUnderTest(mode);
  globalThis.__IDFED_E2E__ = system;
  const { apps: _apps, stop: _stop, ...shared } = system;
  process.env.IDFED_E2E_SYSTEM = JSON.stringify(shared);
  writeFileSync(join(system.workDir, 'system.json'), JSON.stringify(shared));
}
