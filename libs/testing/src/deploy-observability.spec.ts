import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { enableProcessMetrics, metricsRegistry } from '@idfed/observability';
import { parsePrometheusText } from './prometheus-text';

const ROOT = join(__dirname, '..', '..', '..');
const DIR = join(ROOT, 'deploy', 'observability');

/** Every series name a scrape of an idfed process can hold: families, and histograms' parts. */
async function scrapedNames(): Promise<{ names: Set<string>; types: Map<string, string> }> {
  enableProcessMetrics();
  const { types } = parsePrometheusText(await metricsRegistry.metrics());
  const names = new Set<string>();
  for (const [family, type] of types) {
    names.add(family);
    if (type === 'histogram') for (const part of ['_bucket', '_sum', '_count']) names.add(family + part);
  }
  return { names, types };
}

/** Metric names in a PromQL expression: identifiers that are not functions, keywords or labels. */
function metricNamesIn(expr: string): string[] {
  const withoutLabels = expr
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, '');
  const names =
    withoutLabels.match(/\b[a-z_:][a-z0-9_:]*\b(?=\s*(\{|\[|\)|$|\s*[<>=!/*+-]|\s+(and|or|unless)\b))/g) ??
    [];
  return names.filter((n) => !PROMQL_WORDS.has(n) && !/^\d/.test(n));
}

const PROMQL_WORDS = new Set([
  'sum',
  'max',
  'min',
  'avg',
  'count',
  'rate',
  'increase',
  'irate',
  'histogram_quantile',
  'clamp_min',
  'and',
  'or',
  'unless',
  'by',
  'on',
  'le',
]);

function balanced(expr: string): boolean {
  let depth = 0;
  for (const c of expr) {
    if (c === '(' || c === '{' || c === '[') depth++;
    if (c === ')' || c === '}' || c === ']') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** What rate() and increase() may be applied to: counters, and histograms' cumulative parts. */
function isCumulative(name: string, types: Map<string, string>): boolean {
  if (types.get(name) === 'counter') return true;
  const base = name.replace(/_(bucket|sum|count)$/, '');
  return base !== name && types.get(base) === 'histogram';
}

function checkExpressions(exprs: string[], names: Set<string>, types: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const expr of exprs) {
    if (!balanced(expr)) problems.push(`unbalanced brackets: ${expr}`);
    const used = metricNamesIn(expr);
    if (used.length === 0) problems.push(`no metric found in: ${expr}`);
    for (const name of used) if (!names.has(name)) problems.push(`${name} is in no scrape: ${expr}`);
    for (const [, name] of expr.matchAll(/\b(?:rate|increase|irate)\(\s*([a-z_:][a-z0-9_:]*)/g))
      if (!isCumulative(name, types)) problems.push(`rate/increase over ${name}, not a counter: ${expr}`);
  }
  return problems;
}

describe('deploy/observability', () => {
  it('the Grafana dashboard is JSON whose every query names metrics idfed exports', async () => {
    const dashboard = JSON.parse(readFileSync(join(DIR, 'grafana-dashboard.json'), 'utf8')) as {
      uid: string;
      panels: { id: number; type: string; title: string; targets?: { expr: string; refId: string }[] }[];
    };
    expect(dashboard.uid).toBe('idfed-overview');
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const graphs = dashboard.panels.filter((p) => p.type !== 'row');
    for (const panel of graphs)
      expect({ panel: panel.title, queries: panel.targets?.length ?? 0 }).not.toEqual({
        panel: panel.title,
        queries: 0,
      });
    const { names, types } = await scrapedNames();
    const exprs = graphs.flatMap((p) => p.targets!.map((t) => t.expr.replace(/\$__rate_interval/g, '5m')));
    expect(checkExpressions(exprs, names, types)).toEqual([]);
    // Every idfed metric family is on the dashboard.
    const shown = new Set(exprs.flatMap(metricNamesIn).map((n) => n.replace(/_(bucket|sum|count)$/, '')));
    const missing = [...types.keys()].filter((f) => f.startsWith('idfed_') && !shown.has(f));
    expect(missing).toEqual([]);
  });

  it('the alert rules are Prometheus rule groups over metrics idfed exports', async () => {
    const rules = parse(readFileSync(join(DIR, 'prometheus-alerts.yml'), 'utf8')) as {
      groups: {
        name: string;
        rules: { alert?: string; expr?: unknown; for?: string; labels?: unknown; annotations?: unknown }[];
      }[];
    };
    expect(rules.groups.length).toBeGreaterThan(0);
    const { names, types } = await scrapedNames();
    names.add('up'); // Prometheus' own
    const exprs: string[] = [];
    const problems: string[] = [];
    for (const group of rules.groups)
      for (const rule of group.rules) {
        const name = rule.alert ?? '(no name)';
        if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) problems.push(`bad alert name ${name}`);
        if (typeof rule.expr !== 'string') problems.push(`${name}: no expr`);
        else exprs.push(rule.expr);
        if (rule.for !== undefined && !/^\d+[smh]$/.test(rule.for)) problems.push(`${name}: bad for`);
        const labels = rule.labels as Record<string, string> | undefined;
        if (!['critical', 'warning'].includes(labels?.severity ?? '')) problems.push(`${name}: severity`);
        const annotations = rule.annotations as Record<string, string> | undefined;
        if (!annotations?.summary || !annotations.description) problems.push(`${name}: summary, description`);
      }
    expect(problems).toEqual([]);
    expect(checkExpressions(exprs, names, types)).toEqual([]);
  });

  it('the Prometheus configuration loads the rules and scrapes every app', () => {
    const config = parse(readFileSync(join(DIR, 'prometheus.yml'), 'utf8')) as {
      rule_files: string[];
      scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
    };
    expect(config.rule_files).toEqual(['prometheus-alerts.yml']);
    const targets = config.scrape_configs.flatMap((c) => c.static_configs.flatMap((s) => s.targets));
    for (const app of [
      'gateway',
      'device-gateway',
      'grpc-gateway',
      'user-directory',
      'federation-broker',
      'credential-vending',
      'device-sync',
    ])
      expect(targets.some((t) => t.startsWith(`${app}:`))).toBe(true);
    for (const job of config.scrape_configs) expect(job.job_name).toMatch(/^idfed/);
  });

  it('finds metric names in PromQL the way the checks above need', () => {
    expect(metricNamesIn('sum by (operation, le) (rate(idfed_x_bucket{a="b"}[5m])) > 2')).toEqual([
      'idfed_x_bucket',
    ]);
    expect(
      metricNamesIn('max by (schema) (a_b) > 0 and on (schema) (sum by (schema) (c_d{state="busy"}) >= e_f)'),
    ).toEqual(['a_b', 'c_d', 'e_f']);
    expect(checkExpressions(['rate(idfed_nope_total[5m])'], new Set(), new Map())).toHaveLength(2);
  });
});
