import { randomBytes } from 'node:crypto';
import { migrateServiceSchema, ParameterFreeLogger } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { freshDatabase } from '../../../../libs/testing/src/idfed-processes';
import {
  codeSpans,
  documentationDrift,
  expectNoDrift,
  markdownSection,
  markdownTables,
  readRepoFile,
} from '../../../../libs/testing/src/markdown-tables';
import { serviceSchemas } from '../../src/database/service-schemas';

const DOC = 'docs/architecture.md';

/** table -> its columns, as PostgreSQL reports them after every migration ran. */
type SchemaTables = Map<string, string[]>;

async function migratedTables(url: string): Promise<Map<string, SchemaTables>> {
  const result = new Map<string, SchemaTables>();
  for (const { schema, migrations } of serviceSchemas(randomBytes(32))) {
    const ds = new DataSource({
      type: 'postgres',
      url,
      schema,
      migrations,
      migrationsTableName: 'migrations',
      logger: new ParameterFreeLogger(),
    });
    await ds.initialize();
    try {
      await migrateServiceSchema(ds, schema);
      const rows = await ds.query<{ table_name: string; column_name: string }[]>(
        `SELECT c.table_name, c.column_name
           FROM information_schema.columns c
           JOIN information_schema.tables t USING (table_schema, table_name)
          WHERE c.table_schema = $1 AND t.table_type = 'BASE TABLE'
          ORDER BY c.table_name, c.ordinal_position`,
        [schema],
      );
      const tables: SchemaTables = new Map();
      for (const r of rows) tables.set(r.table_name, [...(tables.get(r.table_name) ?? []), r.column_name]);
      result.set(schema, tables);
    } finally {
      await ds.destroy();
    }
  }
  return result;
}

/** Each `### \`<schema>\`` subsection's table: first column the table, second its columns. */
function documentedTables(): Map<string, SchemaTables> {
  const section = markdownSection(readRepoFile(DOC), '## Database schemas');
  const result = new Map<string, SchemaTables>();
  for (const [, schema] of section.matchAll(/^### `([a-z_]+)`$/gm)) {
    const table = markdownTables(markdownSection(section, `### \`${schema}\``))[0];
    const tables: SchemaTables = new Map();
    for (const row of table?.rows ?? []) tables.set(codeSpans(row[0])[0] ?? row[0], codeSpans(row[1]));
    result.set(schema, tables);
  }
  return result;
}

/**
 * docs/architecture.md's schema tables against what the migrations really create: every service's
 * migrations run, in order, on an empty database, and PostgreSQL is asked what exists.
 */
describe('docs/architecture.md schema tables', () => {
  let actual: Map<string, SchemaTables>;
  const documented = documentedTables();

  beforeAll(async () => {
    actual = await migratedTables(await freshDatabase(process.env.IDFED_TEST_DATABASE_URL!, 'idfed_docs'));
  });

  it('has a subsection for exactly the services\u2019 schemas', () => {
    expectNoDrift(
      documentationDrift(
        `${DOC}, "## Database schemas": a "### \`schema\`" subsection`,
        documented.keys(),
        actual.keys(),
      ),
    );
  });

  it('lists exactly the tables each schema has', () => {
    expectNoDrift(
      [...actual].flatMap(([schema, tables]) =>
        documentationDrift(
          `${DOC}, "### \`${schema}\`" table`,
          documented.get(schema)?.keys() ?? [],
          tables.keys(),
        ),
      ),
    );
  });

  it('lists exactly the columns of each table', () => {
    expectNoDrift(
      [...actual].flatMap(([schema, tables]) =>
        [...tables].flatMap(([table, columns]) => {
          const listed = documented.get(schema)?.get(table);
          if (!listed) return []; // reported by the test above
          const where = `${DOC}, "### \`${schema}\`" table, \`${table}\` columns`;
          return documentationDrift(where, listed, columns);
        }),
      ),
    );
  });

  it('names each schema as its service\u2019s in the processes table', () => {
    const processes = markdownTables(markdownSection(readRepoFile(DOC), '## Processes'))[0];
    const owns = processes.header.indexOf('owns');
    expectNoDrift(
      serviceSchemas(randomBytes(32)).flatMap(({ service, schema }) => {
        const row = processes.rows.find((r) => codeSpans(r[0])[0] === service);
        return row && codeSpans(row[owns])[0] === schema
          ? []
          : [`${DOC}, "## Processes" table: the row of \`${service}\` owns schema \`${schema}\``];
      }),
    );
  });
});
