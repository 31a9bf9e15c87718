import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const RULE = 'idfed/typeorm-boundaries';

interface Finding {
  ruleId: string;
  messageId: string;
  message: string;
  line: number;
}

const IMPORTS = [
  `import { DataSource } from 'typeorm';`,
  `import type { EntityManager } from 'typeorm';`,
  `import { QueryRunner } from 'typeorm/query-runner/QueryRunner';`,
  `const orm = require('typeorm');`,
  `export { In } from 'typeorm';`,
];

/** The same imports placed at paths of the repository: refused in use cases, allowed in the data layer. */
const PROBES = {
  useCase: 'apps/user-directory/src/users/probe.use-case.ts',
  handler: 'apps/federation-broker/src/pools/probe.handler.ts',
  spec: 'apps/credential-vending/src/roles/probe.spec.ts',
  repository: 'apps/user-directory/src/users/probe.repository.ts',
  database: 'apps/federation-broker/src/database/migrations/1764115200999-Probe.ts',
  entity: 'apps/credential-vending/src/roles/probe.entity.ts',
  module: 'apps/device-sync/src/device-sync.module.ts',
  main: 'apps/gateway/src/main.ts',
  bootstrap: 'apps/user-directory/src/user-directory.bootstrap.ts',
  appTest: 'apps/user-directory/test/probe.int-spec.ts',
  lib: 'libs/persistence/src/probe.ts',
};

/**
 * Lints the probes with the repository's eslint.config.mjs and the rule switched on (it is off in
 * the config until the services' use cases no longer import TypeORM: `--enable`).
 */
function lintProbes(): Record<keyof typeof PROBES, Finding[]> {
  const names = Object.keys(PROBES) as (keyof typeof PROBES)[];
  const input = names.map((name) => ({ filePath: PROBES[name], code: IMPORTS.join('\n') }));
  const out = execFileSync(process.execPath, [join(ROOT, 'tools/eslint/lint-source.mjs'), RULE, '--enable'], {
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

describe('idfed/typeorm-boundaries', () => {
  let found: ReturnType<typeof lintProbes>;
  beforeAll(() => {
    found = lintProbes();
  });

  it("refuses TypeORM in an app's use cases, handlers and unit specs, however it is imported", () => {
    for (const probe of [found.useCase, found.handler, found.spec]) {
      expect(probe.map((f) => [f.line, f.messageId])).toEqual(
        IMPORTS.map((_, i) => [i + 1, 'outsideDataLayer']),
      );
    }
    expect(found.useCase[0].ruleId).toBe(RULE);
    expect(found.useCase[0].message).toContain(
      'apps/user-directory/src/users/probe.use-case.ts imports typeorm',
    );
  });

  it('allows repositories, database/, entities, modules and entry points', () => {
    expect(found.repository).toEqual([]);
    expect(found.database).toEqual([]);
    expect(found.entity).toEqual([]);
    expect(found.module).toEqual([]);
    expect(found.main).toEqual([]);
    expect(found.bootstrap).toEqual([]);
  });

  it('leaves libraries and integration tests alone', () => {
    expect(found.appTest).toEqual([]);
    expect(found.lib).toEqual([]);
  });
});
