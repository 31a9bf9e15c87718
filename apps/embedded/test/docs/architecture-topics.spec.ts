import * as contracts from '@idfed/contracts';
import { commandTopic, replyTopic, SERVICE_NAMES, ServiceName } from '@idfed/contracts';
import {
  codeSpans,
  documentationDrift,
  expectNoDrift,
  markdownSection,
  markdownTables,
  readRepoFile,
} from '../../../../libs/testing/src/markdown-tables';
import { GATEWAY_REPLY_GROUP } from '../../../gateway/src/bus/gateway-bus.provider';

const WHERE = 'docs/architecture.md, "## Topics" table';
const REPLY_TEMPLATE = replyTopic('<reply group>');

/** A topic the contracts define, and the service that owns it (produces its events, or consumes its commands). */
interface Topic {
  name: string;
  owner?: ServiceName;
  kind: 'command' | 'event' | 'reply';
}

/** Topic-naming functions of libs/contracts this spec knows how to enumerate. */
const KNOWN_TOPIC_FUNCTIONS = new Set(['commandTopic', 'replyTopic']);

function ownerOf(topic: string): ServiceName | undefined {
  return SERVICE_NAMES.find((s) => topic.startsWith(`${s}.`));
}

/**
 * Every topic libs/contracts defines, read from its exports rather than listed here: each
 * service's command topic, the reply topic template, and every string of every exported `*Topics`
 * object (or exported topic-named string) as an event topic of the service its name starts with.
 */
function contractTopics(): Topic[] {
  const topics: Topic[] = SERVICE_NAMES.map((s) => ({ name: commandTopic(s), owner: s, kind: 'command' }));
  topics.push({ name: REPLY_TEMPLATE, kind: 'reply' });
  for (const [name, value] of Object.entries(contracts)) {
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

  it('knows every topic-naming function of libs/contracts', () => {
    // A new one (a dead-letter topic per service, say) must be enumerated above, or its topics
    // would escape this check.
    expectNoDrift(
      Object.entries(contracts)
        .filter(([name, value]) => typeof value === 'function' && /Topic$/.test(name))
        .map(([name]) => name)
        .filter((name) => !KNOWN_TOPIC_FUNCTIONS.has(name))
        .map(
          (name) =>
            `libs/contracts exports ${name}(): list its topics in contractTopics() of ${__filename.replace(/.*\/apps\//, 'apps/')} and document them`,
        ),
    );
  });
});
