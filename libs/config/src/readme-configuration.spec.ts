import {
  codeSpans,
  documentationDrift,
  expectNoDrift,
  markdownSection,
  markdownTables,
  readRepoFile,
} from '../../testing/src/markdown-tables';
import { DATABASE_SERVICES, loadEnv, serviceDatabaseVariable } from './env';

const WHERE = 'README.md, "## Configuration" table';

/** Every variable loadEnv() reads, learnt by watching it read an empty environment. */
function variablesRead(): string[] {
  const read = new Set<string>();
  const watched = new Proxy<NodeJS.ProcessEnv>(
    {},
    {
      get: (_target, name) => {
        if (typeof name === 'string') read.add(name);
        return undefined;
      },
    },
  );
  loadEnv(watched);
  return [...read];
}

/** The README's rows: variable name (`IDFED_<SERVICE>_...` expanded per service) and default cell. */
function documentedRows(): { variable: string; defaultCell: string }[] {
  const section = markdownSection(readRepoFile('README.md'), '## Configuration');
  const table = markdownTables(section).find((t) => t.header[0] === 'variable');
  if (!table) throw new Error(`${WHERE}: no table whose first column is "variable"`);
  const defaults = table.header.indexOf('default');
  return table.rows.flatMap((row) => {
    const name = codeSpans(row[0])[0] ?? row[0];
    const names = name.includes('<SERVICE>')
      ? DATABASE_SERVICES.map((s) => name.replace('IDFED_<SERVICE>_DATABASE_URL', serviceDatabaseVariable(s)))
      : [name];
    return names.map((variable) => ({ variable, defaultCell: row[defaults] }));
  });
}

describe('README configuration table', () => {
  const rows = documentedRows();

  it('lists exactly the variables libs/config reads', () => {
    expectNoDrift(
      documentationDrift(
        WHERE,
        rows.map((r) => r.variable),
        variablesRead(),
      ),
    );
  });

  it('gives each literal default the value loadEnv() uses when the variable is unset', () => {
    // Setting a variable to its documented default must change nothing.
    const unset = loadEnv({});
    expectNoDrift(
      rows.flatMap(({ variable, defaultCell }) => {
        const literal = codeSpans(defaultCell)[0];
        if (literal === undefined || literal.includes('<')) return []; // (unset), (generated), templates
        let same: boolean;
        try {
          same = JSON.stringify(loadEnv({ [variable]: literal })) === JSON.stringify(unset);
        } catch {
          same = false;
        }
        return same ? [] : [`${WHERE}: ${variable}: the default is not \`${literal}\``];
      }),
    );
  });
});
