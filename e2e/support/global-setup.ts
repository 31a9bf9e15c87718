import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../libs/testing/src/idfed-processes';
import { startSyncTriggerStandin, SyncTriggerStandin } from '../../libs/testing/src/sync-trigger-standin';
import { startTestInfrastructure } from '../../libs/testing/src/test-infrastructure';
import {
  startUserPoolTriggerStandin,
  UserPoolTriggerStandin,
} from '../../libs/testing/src/user-pool-trigger-standin';
import { E2ePushStandins } from './push-standins';
import { recordSecret } from './record-secrets';
import { startSocialStandins, SocialStandins } from './social-standins';
import { E2eMode, startSystemUnderTest, SystemUnderTest } from './system-under-test';
import { startTestIdp, TestIdp } from './test-idp';

declare global {
  var __IDFED_E2E__: SystemUnderTest | undefined;
  var __IDFED_E2E_PEERS__:
    | {
        google: TestIdp;
        social: SocialStandins;
        syncTriggers: SyncTriggerStandin;
        push: E2ePushStandins;
        userPoolTriggers: UserPoolTriggerStandin;
      }
    | undefined;
}

/** Starts the real system once per run (Kafka consumer groups take seconds to form) and tells the tests where it is. */
export default async function globalSetup(): Promise<void> {
  const mode = (process.env.IDFED_E2E_MODE ?? 'embedded') as E2eMode;
  if (mode === 'distributed') process.env.IDFED_TEST_WITH_KAFKA = '1';
  await startTestInfrastructure();
  // Upstream identity providers the system is configured with at start: a real OpenID provider
  // standing in for Google, and the Facebook / Amazon token-inspection stand-ins.
  const google = await startTestIdp();
  const social = await startSocialStandins({ facebook: google.facebookUrl, amazon: google.amazonUrl });
  // The HTTP endpoints standing in for sync trigger Lambdas, one function name per behaviour, and
  // one name whose endpoint nothing listens on.
  const syncTriggerSecret = randomBytes(32);
  const triggerNames = ['award', 'refuse', 'retarget', 'garbage', 'slow', 'busy'];
  // Each receiver is given its own key by the operator's tool, as ADR 0023 has operators do.
  const triggerKeys = new Map(triggerNames.map((name) => [name, syncTriggerKey(syncTriggerSecret, name)]));
  const syncTriggers = await startSyncTriggerStandin((name) => triggerKeys.get(name) ?? randomBytes(32));
  // FCM (with Google's token endpoint) and APNs stand-ins, so push sync delivers end to end.
  const push = new E2ePushStandins();
  await push.start();
  // The HTTP endpoints standing in for user pool trigger Lambdas (ADR 0030), which derive their
  // keys from the operator's secret; `misrouted` names the gate's URL under another function, and
  // `gone` an address nothing listens on.
  const lambdaSecret = randomBytes(32);
  const userPoolTriggers = await startUserPoolTriggerStandin(lambdaSecret);
  globalThis.__IDFED_E2E_PEERS__ = { google, social, syncTriggers, push, userPoolTriggers };
  const system = await startSystemUnderTest(mode, {
    IDFED_GOOGLE_ISSUER: google.issuer,
    // The stand-in serves Google's token endpoint path too (oauth2/v4/token) at its issuer.
    IDFED_GOOGLE_API_URL: google.issuer,
    // Google's People API (attributes_url), answering over the Google stand-in's access tokens.
    IDFED_GOOGLE_PEOPLE_API_URL: google.peopleApiUrl,
    IDFED_FACEBOOK_GRAPH_URL: social.facebookGraphUrl,
    IDFED_AMAZON_API_URL: social.amazonApiUrl,
    // The browser-facing hosts of Facebook's and Amazon's sign-in (their authorization endpoints).
    IDFED_FACEBOOK_WWW_URL: google.facebookUrl,
    IDFED_AMAZON_WWW_URL: google.amazonUrl,
    IDFED_APPLE_ISSUER: google.appleIssuer,
    IDFED_SYNC_TRIGGERS: [
      ...triggerNames.map((name) => `${name}=${syncTriggers.url}/${name}`),
      `gone=http://127.0.0.1:${await freePort()}/`,
    ].join(','),
    IDFED_SYNC_TRIGGER_SECRET: syncTriggerSecret.toString('base64'),
    ...push.env(),
    IDFED_LAMBDA_ENDPOINTS: [
      ...['gate', 'slow', 'garbage', 'broken'].map((name) => `${name}=${userPoolTriggers.url}/${name}`),
      // The CUSTOM_AUTH trio (ADR 0036).
      `challenge=${userPoolTriggers.url}/challenge`,
      // UserMigration over the stand-in's legacy user table (ADR 0037).
      `migrate=${userPoolTriggers.url}/migrate`,
      // CustomMessage and the custom senders (ADR 0043).
      ...['message', 'mailer', 'texter'].map((name) => `${name}=${userPoolTriggers.url}/${name}`),
      // The triggers of sign-in through a provider (ADR 0056).
      `federation=${userPoolTriggers.url}/federation`,
      `misrouted=${userPoolTriggers.url}/gate`,
      `gone=http://127.0.0.1:${await freePort()}/`,
    ].join(','),
    IDFED_LAMBDA_SECRET: lambdaSecret.toString('base64'),
  });
  recordSecret(system.workDir, 'IDFED_LAMBDA_SECRET', lambdaSecret.toString('base64'), 'config');
  recordSecret(system.workDir, 'IDFED_SYNC_TRIGGER_SECRET', syncTriggerSecret.toString('base64'), 'config');
  for (const { name, value } of push.secrets()) recordSecret(system.workDir, name, value, 'config');
  globalThis.__IDFED_E2E__ = system;
  const { apps: _apps, stop: _stop, ...shared } = system;
  process.env.IDFED_E2E_SYSTEM = JSON.stringify({
    ...shared,
    googleIssuer: google.issuer,
    oidcIssuer: google.oidcIssuer,
    facebookWwwUrl: google.facebookUrl,
    amazonWwwUrl: google.amazonUrl,
    appleIssuer: google.appleIssuer,
    facebookGraphUrl: social.facebookGraphUrl,
    amazonApiUrl: social.amazonApiUrl,
    syncTriggerStandin: syncTriggers.url,
    pushStandins: push.inspectUrl,
    userPoolTriggerStandin: userPoolTriggers.url,
  });
  writeFileSync(join(system.workDir, 'system.json'), JSON.stringify(shared));
}

/** `npm run sync-trigger-key -- <name>`'s program, run as an operator runs it. */
function syncTriggerKey(secret: Buffer, name: string): Buffer {
  const out = execFileSync(
    process.execPath,
    [join(__dirname, '..', '..', 'dist', 'apps', 'device-sync', 'src', 'sync-trigger-key.js'), name],
    {
      env: { ...process.env, IDFED_SYNC_TRIGGER_SECRET: secret.toString('base64') },
      encoding: 'utf8',
    },
  );
  const key = Buffer.from(out.trim(), 'base64');
  if (key.length !== 32) throw new Error(`sync-trigger-key printed ${out.length} characters, not a key`);
  return key;
}
