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
import {
  appMentionsTopic,
  appNames,
  broadcastConsumers,
  eventConsumers,
  replyGroups,
} from './bus-use-in-code';

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
        ? Object.values(value).filter((v): v is string => typeof v === 'string')
        : typeof value === 'string' && /\.v\d+$/.test(value)
          ? [value]
          : [];
    for (const topic of strings) topics.push({ name: topic, owner: ownerOf(topic), kind: 'event' });
  }
  return topics;
}

function documentedTopicTable(): {
  topic: string;
  what: string;
  producedBy: string;
  consumedBy: string;
  cell: string;
}[] {
  const section = markdownSection(readRepoFile('docs/architecture.md'), '## Topics');
  const table = markdownTables(section).find((t) => t.header[0] === 'topic');
  if (!table) throw new Error(`${WHERE}: no table whose first column is "topic"`);
  const produced = table.header.indexOf('produced by');
  const consumed = table.header.indexOf('consumed by');
  const what = table.header.indexOf('what');
  expect([produced, consumed, what]).not.toContain(-1);
  return table.rows.map((row) => ({
    topic: codeSpans(row[0])[0] ?? row[0],
    what: row[what],
    producedBy: row[produced],
    consumedBy: row[consumed],
    cell: row[0],
  }));
}

/**
 * The apps a "consumed by" cell names: the names before any note in parentheses or after a
 * semicolon, separated by commas or "and", spelt as the app's directory or with spaces ("device
 * gateway"). `nobody` or `nobody yet` names none; a consumer still to be built belongs in the note
 * (`nobody yet (device sync, later)`), as it is not in the code.
 */
function documentedConsumers(cell: string): string[] {
  const head = cell.split(/[(;]/)[0].trim().toLowerCase();
  if (/^nobody( yet)?$/.test(head)) return [];
  return head
    .split(/,|\band\b/)
    .map((name) => name.trim().replace(/^the /, '').replace(/\s+/g, '-'))
    .filter((name) => name.length > 0);
}

const SERVICES: readonly string[] = SERVICE_NAMES;

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

  it('names under "consumed by" the apps that consume each event topic, as their code declares', () => {
    const consumers = eventConsumers();
    const broadcast = broadcastConsumers();
    const apps = appNames();
    const wrong = topics
      .filter((t) => t.kind === 'event' || t.kind === 'per-service')
      .flatMap((t) => {
        const row = documented.find((d) => d.topic === t.name);
        if (!row) return [];
        const said = documentedConsumers(row.consumedBy);
        const declared = [...(consumers.found.get(t.name) ?? [])];
        const problems = declared
          .filter((app) => !said.includes(app))
          .map((app) => `${t.name}: "consumed by" should name ${app}, which has an @EventPattern of it`);
        for (const name of said.filter((n) => !declared.includes(n))) {
          if (!apps.includes(name)) {
            problems.push(
              `${t.name}: "consumed by" names "${name}", which is not an app under apps/ (a consumer still to be built goes in a note: "nobody yet (...)")`,
            );
          } else if (SERVICES.includes(name)) {
            // A service consumes events through @EventPattern handlers (ServiceModule's controllers),
            // or in every replica through a broadcast subscription (its caches, ADR 0064).
            if (broadcast.get(t.name)?.has(name)) continue;
            problems.push(`${t.name}: "consumed by" names ${name}, which has no @EventPattern of it`);
          } else if (!appMentionsTopic(name, t.name)) {
            // Other apps (gateways) subscribe their own way, which the reader sees only as a use of the topic.
            problems.push(`${t.name}: "consumed by" names ${name}, whose source never names the topic`);
          }
        }
        return problems.map((p) => `${WHERE}: ${p}`);
      });
    expectNoDrift([...consumers.unreadable, ...wrong]);
  });

  it('lists the reply topic of every app that sends requests, and no other', () => {
    const groups = replyGroups();
    const row = documented.find((d) => d.topic === REPLY_TEMPLATE);
    // The template's row lists them: as examples beside the template, or in what it is.
    const listed = row
      ? [...codeSpans(row.cell), ...codeSpans(row.what)].filter((span) => /\.replies\.v\d+$/.test(span))
      : [];
    const inCode = [...groups.found].map(([group, apps]) => ({ topic: replyTopic(group), apps: [...apps] }));
    expectNoDrift([
      ...groups.unreadable,
      ...inCode
        .filter((c) => !listed.includes(c.topic))
        .map((c) => `${WHERE}: the reply topics should list ${c.topic} (requests of ${c.apps.join(', ')})`),
      ...listed
        .filter((topic) => !inCode.some((c) => c.topic === topic))
        .map((topic) => `${WHERE}: the reply topics list ${topic}, which no app requests with`),
    ]);
  });
});
