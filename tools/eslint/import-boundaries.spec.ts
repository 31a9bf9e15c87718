import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const RULE = 'idfed/import-boundaries';

interface Finding {
  ruleId: string;
  messageId: string;
  message: string;
  line: number;
}

/** Source texts placed at paths of the repository; each test reads what ESLint said about its own. */
const PROBES = {
  appToApp: {
    filePath: 'apps/user-directory/src/users/probe.ts',
    code: [
      `import { GatewayModule } from '../../../gateway/src/gateway.module';`,
      `import type { GatewayOptions } from '../../../gateway/src/gateway.options';`,
      `import 'apps/gateway/src/main';`,
      `import '@idfed/persistence/../../../apps/gateway/src/main';`,
      `export * from '../../../credential-vending/src/main';`,
      `const later = () => import('../../../federation-broker/src/main');`,
      `const required = require('../../../device-sync/src/main');`,
      `jest.mock('../../../embedded/src/main');`,
    ],
  },
  appToEmbedded: { filePath: 'apps/gateway/src/probe.ts', code: [`import '../../embedded/src/main';`] },
  libToApp: {
    filePath: 'libs/contracts/src/probe.ts',
    code: [
      `import { GatewayModule } from '../../../apps/gateway/src/gateway.module';`,
      `import '@idfed/persistence/../../../apps/user-directory/src/main';`,
    ],
  },
  appToTooling: { filePath: 'apps/gateway/src/probe.ts', code: [`import '../../../e2e/support/raw-aws';`] },
  libToTooling: { filePath: 'libs/testing/src/probe.ts', code: [`import '../../../bench/main';`] },
  embeddedSurface: {
    filePath: 'apps/embedded/src/probe.ts',
    code: [
      `import { createGatewayApp } from '../../gateway/src/gateway.bootstrap';`,
      `import { DeviceSyncModule } from '../../device-sync/src/device-sync.module';`,
      `import { USER_DIRECTORY_SCHEMA } from '../../user-directory/src/database/schema';`,
      `import { userDirectoryMigrations } from '../../user-directory/src/database/migrations';`,
      `import { deviceSyncMigrations } from '../../device-sync/src/database/migrations';`,
    ],
  },
  embeddedInternal: {
    filePath: 'apps/embedded/test/probe.spec.ts',
    code: [`import '../../gateway/src/bus/gateway-bus.provider';`],
  },
  appOwnLibsPackages: {
    filePath: 'apps/gateway/src/http/probe.ts',
    code: [
      `import { GatewayModule } from '../gateway.module';`,
      `import { commandTopic } from '@idfed/contracts';`,
      `import { signRequest } from '../../../../libs/sigv4/src';`,
      `import { DataSource } from 'typeorm';`,
    ],
  },
  libToLib: {
    filePath: 'libs/authorizer/src/probe.ts',
    code: [`import { parsePolicy } from '@idfed/policy';`],
  },
  e2eToApp: { filePath: 'e2e/probe.e2e-spec.ts', code: [`import '../apps/user-directory/src/main';`] },
  benchToApp: { filePath: 'bench/probe.ts', code: [`import '../apps/credential-vending/src/main';`] },
};

/**
 * Lints every probe as the file at its path with the repository's eslint.config.mjs, in one child
 * process (ESLint loads its config as an ES module). Removing the rule from the config, or
 * loosening it, fails these tests.
 */
function lintProbes(): Record<keyof typeof PROBES, Finding[]> {
  const names = Object.keys(PROBES) as (keyof typeof PROBES)[];
  const input = names.map((name) => ({
    filePath: PROBES[name].filePath,
    code: PROBES[name].code.join('\n'),
  }));
  const out = execFileSync(process.execPath, [join(ROOT, 'tools/eslint/lint-source.mjs'), RULE], {
    cwd: ROOT,
    input: JSON.stringify(input),
    encoding: 'utf8',
  });
  const findings = JSON.parse(out) as Finding[][];
  return Object.fromEntries(names.map((name, i) => [name, findings[i]])) as Record<
    keyof typeof PROBES,
    Finding[]
  >;
}

const ids = (findings: Finding[]) => findings.map((f) => f.messageId);

describe('idfed/import-boundaries', () => {
  let found: ReturnType<typeof lintProbes>;
  beforeAll(() => {
    found = lintProbes();
  });

  it('refuses an app importing another app, however the path is spelled', () => {
    expect(found.appToApp.map((f) => [f.line, f.messageId])).toEqual(
      PROBES.appToApp.code.map((_, i) => [i + 1, 'appToApp']),
    );
    expect(found.appToApp[0].ruleId).toBe(RULE);
    expect(found.appToApp[0].message).toContain(
      'apps/user-directory imports apps/gateway/src/gateway.module.ts',
    );
  });

  it('refuses an app reaching into the app that embeds it', () => {
    expect(ids(found.appToEmbedded)).toEqual(['appToApp']);
  });

  it('refuses a lib importing an app, by relative path or through an alias', () => {
    expect(ids(found.libToApp)).toEqual(['libToApp', 'libToApp']);
  });

  it('refuses apps and libs importing the test and tooling trees', () => {
    expect(ids(found.appToTooling)).toEqual(['noTooling']);
    expect(ids(found.libToTooling)).toEqual(['noTooling']);
  });

  it('lets apps/embedded start another app through its bootstrap surface only', () => {
    expect(found.embeddedSurface).toEqual([]);
    expect(ids(found.embeddedInternal)).toEqual(['embeddedSurface']);
  });

  it('allows an app its own files, libs and packages; a lib other libs; e2e and bench anything', () => {
    expect(found.appOwnLibsPackages).toEqual([]);
    expect(found.libToLib).toEqual([]);
    expect(found.e2eToApp).toEqual([]);
    expect(found.benchToApp).toEqual([]);
  });
});
