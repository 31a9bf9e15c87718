import * as contracts from '@idfed/contracts';
import { commandTopic, GATEWAY_REPLY_GROUP, replyTopic, SERVICE_NAMES, ServiceName } from '@idfed/contracts';
import {
  codeSpans,
  documentationDrift,
  expectNoDrift,
  markdownSection,
  markdownTables,
  readRepoFile,
} from '../../../../libs/testing/src/markdown-tables';

const WHERE = 'docs/architecture.md, "## Topics" table';
const REPLY_TEMPLATE = replyTopic('<reply group>');

/** A topic the contracts define, and the service that owns it. */
interface Topic {
  name: string;
  owner?: ServiceName;
  /**
   * command: the owner consumes it; event: the owner produces it; per-service: named by another
   * function of a service (a dead-letter topic, say), the owner produces or consumes it; reply: a
   * template, every requesting app has one.
   */
  kind: 'command' | 'event' | 'per-service' | 'reply';
}

function ownerOf(topic: string): ServiceName | undefined {
  return SERVICE_NAMES.find((s) => topic.startsWith(`${s}.`));
}

/**
 * Every topic libs/contracts defines, read from its exports rather than listed here: the reply
 * topic template; each exported `*Topic(service)` function (commandTopic, ...) called for every
 * service; and every string of every exported `*Topics` object, or exported topic-like string, as
 * an event topic of the service its name starts with.
 */
function contractTopics(): Topic[] {
  const topics: Topic[] = [{ name: REPLY_TEMPLATE, kind: 'reply' }];
  for (const [name, value] of Object.entries(contracts)) {
    if (typeof value === 'function' && /Topic$/.test(name) && value !== replyTopic) {
      const topicOf = value as (service: ServiceName) => string;
      const kind = value === commandTopic ? 'command' : 'per-service';
      for (const s of SERVICE_NAMES) topics.push({ name: topicOf(s), owner: s, kind });
    }
    const strings =
      /Topics?$|TOPICS?$/.test(name) && typeof value === 'object'
        ? Object.values(value as object).filter((v): v is string => typeof v === 'string')
        : typeof value === 'string' && /\.v\d+$/.test(value)
          ? [value]
          : [];
    for (const topic of strings) topics.push({ name: topic, owner: ownerOf(topic), kind: 'event' });
  }
  return topics;
}

function documentedTopicTable(): { topic: string; producedBy: string; consumedBy: string; cell: string }[] {
  const section = markdownSection(readRepoFile('docs/architecture.md'), '## Topics');
  const table = markdownTables(section).find((t) => t.header[0] === 'topic');
  if (!table) throw new Error(`${WHERE}: no table whose first column is "topic"`);
  const produced = table.header.indexOf('produced by');
  const consumed = table.header.indexOf('consumed by');
  expect([produced, consumed]).not.toContain(-1);
  return table.rows.map((row) => ({
    topic: codeSpans(row[0])[0] ?? row[0],
    producedBy: row[produced],
    consumedBy: row[consumed],
    cell: row[0],
  }));
}

describe('docs/architecture.md topic table', () => {
  const topics = contractTopics();
  const documented = documentedTopicTable();

  it('lists exactly the topics libs/contracts defines', () => {
    expectNoDrift(
      documentationDrift(
        WHERE,
        documented.map((d) => d.topic),
        topics.map((t) => t.name),
      ),
    );
  });

  it('names each topic once', () => {
    const seen = documented.map((d) => d.topic);
    expectNoDrift(seen.filter((t, i) => seen.indexOf(t) !== i).map((t) => `${WHERE}: ${t} is listed twice`));
  });

  it('names the owning service of each event topic under "produced by"', () => {
    const wrong = topics
      .filter((t) => t.kind === 'event')
      .flatMap((t) => {
        const row = documented.find((d) => d.topic === t.name);
        const owner = t.owner ?? '(a service name: its topic does not start with one)';
        return row && row.producedBy !== owner
          ? [`${WHERE}: ${t.name}: "produced by" should be ${owner}, not "${row.producedBy}"`]
          : [];
      });
    expectNoDrift(wrong);
  });

  it('names the service that consumes each command topic first under "consumed by"', () => {
    const wrong = topics
      .filter((t) => t.kind === 'command')
      .flatMap((t) => {
        const row = documented.find((d) => d.topic === t.name);
        return row && row.consumedBy.split(/[\s(]/)[0] !== t.owner
          ? [`${WHERE}: ${t.name}: "consumed by" should start with ${t.owner}, not "${row.consumedBy}"`]
          : [];
      });
    expectNoDrift(wrong);
  });

  it("gives the gateway's reply topic as the reply template's example", () => {
    const row = documented.find((d) => d.topic === REPLY_TEMPLATE);
    expect(row && codeSpans(row.cell)).toContain(replyTopic(GATEWAY_REPLY_GROUP));
  });

  it('names the service of each per-service topic under "produced by" or "consumed by"', () => {
    const firstWord = (cell: string) => cell.split(/[\s(,]/)[0];
    expectNoDrift(
      topics
        .filter((t) => t.kind === 'per-service')
        .flatMap((t) => {
          const row = documented.find((d) => d.topic === t.name);
          return row && firstWord(row.producedBy) !== t.owner && firstWord(row.consumedBy) !== t.owner
            ? [`${WHERE}: ${t.name}: "produced by" or "consumed by" should start with ${t.owner}`]
            : [];
        }),
    );
  });
});
