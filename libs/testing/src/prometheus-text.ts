/** One sample of a scrape: `name{labels} value`. */
export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface PromScrape {
  /** `# TYPE` of each family. */
  types: Map<string, string>;
  samples: PromSample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

/**
 * Parses the Prometheus text exposition format (0.0.4) as Prometheus reads it, and throws on a
 * line it would refuse: a bad metric or label name, an unterminated or badly escaped label value,
 * a value that is not a number, a second TYPE for a family, a sample of a family after another
 * family began. Strict on purpose: a scrape the specs accept, Prometheus accepts.
 */
export function parsePrometheusText(text: string): PromScrape {
  const types = new Map<string, string>();
  const samples: PromSample[] = [];
  const finished = new Set<string>();
  let current: string | undefined;
  const enterFamily = (family: string, line: number) => {
    if (family === current) return;
    if (finished.has(family)) throw new Error(`line ${line}: family ${family} appears twice`);
    if (current) finished.add(current);
    current = family;
  };
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    if (raw.startsWith('#')) {
      const m = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(raw);
      if (!m) return; // a comment
      const [, kind, family, rest] = m;
      if (!NAME.test(family)) throw new Error(`line ${line}: bad metric name ${family}`);
      enterFamily(family, line);
      if (kind === 'TYPE') {
        if (!TYPES.has(rest)) throw new Error(`line ${line}: bad type ${rest}`);
        if (types.has(family)) throw new Error(`line ${line}: second TYPE for ${family}`);
        types.set(family, rest);
      }
      return;
    }
    const nameEnd = raw.search(/[{ ]/);
    if (nameEnd <= 0) throw new Error(`line ${line}: no value: ${raw}`);
    const name = raw.slice(0, nameEnd);
    if (!NAME.test(name)) throw new Error(`line ${line}: bad metric name ${name}`);
    let at = nameEnd;
    const labels: Record<string, string> = {};
    if (raw[at] === '{') {
      at++;
      while (raw[at] !== '}') {
        const eq = raw.indexOf('=', at);
        if (eq < 0) throw new Error(`line ${line}: bad labels`);
        const label = raw.slice(at, eq);
        if (!LABEL_NAME.test(label)) throw new Error(`line ${line}: bad label name ${label}`);
        if (raw[eq + 1] !== '"') throw new Error(`line ${line}: label ${label} is not quoted`);
        let value = '';
        let i = eq + 2;
        for (;;) {
          const c = raw[i];
          if (c === undefined) throw new Error(`line ${line}: unterminated label ${label}`);
          if (c === '"') break;
          if (c === '\\') {
            const next = raw[i + 1];
            if (next === 'n') value += '\n';
            else if (next === '\\' || next === '"') value += next;
            else throw new Error(`line ${line}: bad escape in label ${label}`);
            i += 2;
            continue;
          }
          value += c;
          i++;
        }
        if (label in labels) throw new Error(`line ${line}: label ${label} twice`);
        labels[label] = value;
        at = i + 1;
        if (raw[at] === ',') at++;
        else if (raw[at] !== '}') throw new Error(`line ${line}: bad labels after ${label}`);
      }
      at++;
    }
    const fields = raw.slice(at).trim().split(/\s+/);
    if (fields.length < 1 || fields.length > 2) throw new Error(`line ${line}: bad value: ${raw}`);
    const value = parseValue(fields[0]);
    if (value === undefined) throw new Error(`line ${line}: not a number: ${fields[0]}`);
    const family = familyOf(name, types);
    enterFamily(family, line);
    samples.push({ name, labels, value });
  });
  return { types, samples };
}

/** As Go's strconv.ParseFloat, which Prometheus uses: NaN and Inf in any case (prom-client writes `Nan`). */
function parseValue(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (lower === 'nan') return NaN;
  if (lower === '+inf' || lower === 'inf' || lower === '+infinity' || lower === 'infinity') return Infinity;
  if (lower === '-inf' || lower === '-infinity') return -Infinity;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

function familyOf(name: string, types: Map<string, string>): string {
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (name.endsWith(suffix)) {
      const base = name.slice(0, -suffix.length);
      const type = types.get(base);
      if (type === 'histogram' || type === 'summary') return base;
    }
  }
  return name;
}

/** The sum of the samples of `name` whose labels include `labels` (0 when none). */
export function sampleValue(scrape: PromScrape, name: string, labels: Record<string, string> = {}): number {
  return scrape.samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

/** Whether the scrape has a sample of `name` with these labels. */
export function hasSample(scrape: PromScrape, name: string, labels: Record<string, string> = {}): boolean {
  return scrape.samples.some(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
}

/** GET a /metrics URL and parse it; fails on a status other than 200 or a non-text answer. */
export async function scrapeMetrics(url: string): Promise<{ text: string; scrape: PromScrape }> {
  const res = await fetch(url);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('text/plain')) throw new Error(`${url} answered ${type}`);
  return { text, scrape: parsePrometheusText(text) };
}
