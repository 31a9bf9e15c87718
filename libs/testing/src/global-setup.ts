import { startTestInfrastructure } from './test-infrastructure';

/** Jest global setup for the int and e2e projects: real Postgres (and Kafka when asked for). */
export default async function globalSetup(): Promise<void> {
  await startTestInfrastructure();
}
