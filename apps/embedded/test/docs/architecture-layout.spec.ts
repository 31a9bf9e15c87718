import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  codeSpans,
  documentationDrift,
  expectNoDrift,
  markdownSection,
  markdownTables,
  readRepoFile,
  REPO_ROOT,
} from '../../../../libs/testing/src/markdown-tables';

const DOC = 'docs/architecture.md';

function directories(parent: string): string[] {
  return readdirSync(join(REPO_ROOT, parent), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
}

/** The first code span of each row of the first table of a section. */
function firstColumn(heading: string): string[] {
  const [table] = markdownTables(markdownSection(readRepoFile(DOC), heading));
  return (table?.rows ?? []).map((row) => codeSpans(row[0])[0] ?? row[0]);
}

describe('docs/architecture.md layout tables', () => {
  it('lists every app under apps/ in "## Processes", and no other', () => {
    expectNoDrift(
      documentationDrift(`${DOC}, "## Processes" table`, firstColumn('## Processes'), directories('apps')),
    );
  });

  it('lists every library under libs/ in "## Libraries", and no other', () => {
    expectNoDrift(
      documentationDrift(
        `${DOC}, "## Libraries" table`,
        firstColumn('## Libraries'),
        directories('libs').map((d) => `libs/${d}`),
      ),
    );
  });
});
