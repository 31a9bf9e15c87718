import { ESLint } from 'eslint';

/**
 * Lints source texts as if they were files of this repository, with the project's own
 * eslint.config.mjs, and prints each one's messages as JSON. Used by import-boundaries.spec.ts.
 *
 * stdin: [{ "filePath": "apps/gateway/src/probe.ts", "code": "..." }, ...]
 * argv[2]: the rule to keep; argv[3] `--enable` switches it on for the texts (for a rule the
 * config has off). The texts are not files of the TypeScript program, so the type-aware
 * rules cannot run on them; the rule under test needs no types.
 */
const rule = process.argv[2];
const enable = process.argv[3] === '--enable';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    ...(enable ? { rules: { [rule]: 'error' } } : {}),
  },
  ruleFilter: ({ ruleId }) => ruleId === rule,
});
const out = [];
for (const { filePath, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  out.push(
    result.messages.map((m) => ({
      ruleId: m.ruleId,
      messageId: m.messageId,
      message: m.message,
      line: m.line,
    })),
  );
}
process.stdout.write(JSON.stringify(out));
