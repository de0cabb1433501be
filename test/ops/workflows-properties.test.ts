import { describe, expect, it } from 'vitest';
import { loadWorkflow, stepNamed, stepUsing } from './support/workflow.js';

const { workflow: nightly } = await loadWorkflow('nightly.yml');
const { workflow: ci } = await loadWorkflow('ci.yml');
const job = Object.values(nightly.jobs)[0]!;

describe('nightly.yml', () => {
  it('runs on a schedule at an off-peak minute in the Paris night', () => {
    const schedule = nightly.on.schedule as { cron: string }[];
    expect(schedule).toHaveLength(1);
    const [minute, hour, ...rest] = schedule[0]!.cron.split(/\s+/);
    expect(rest).toEqual(['*', '*', '*']); // every day
    expect(Number(minute)).not.toBeNaN();
    expect([0, 30]).not.toContain(Number(minute));
    // UTC hour 0..3 is 01:xx..04:xx (winter) / 02:xx..05:xx (summer) in Paris.
    expect(Number(hour)).toBeGreaterThanOrEqual(0);
    expect(Number(hour)).toBeLessThanOrEqual(3);
  });

  it('can be started by hand with "only" and "dry_run" inputs', () => {
    const dispatch = nightly.on.workflow_dispatch as { inputs: Record<string, { type: string; default: unknown }> };
    expect(dispatch.inputs.only).toMatchObject({ type: 'string', default: '' });
    expect(dispatch.inputs.dry_run).toMatchObject({ type: 'boolean', default: false });
    expect(dispatch.inputs.accept).toMatchObject({ type: 'string', default: '' });
  });

  it('queues instead of cancelling a running check', () => {
    expect(nightly.concurrency).toEqual({ group: 'aes-watch-nightly', 'cancel-in-progress': false });
  });

  it('asks for least privilege: nothing at the top, contents and issues write on the job', () => {
    expect(nightly.permissions).toEqual({});
    expect(Object.keys(nightly.jobs)).toHaveLength(1);
    expect(job.permissions).toEqual({ contents: 'write', issues: 'write' });
    expect(job['timeout-minutes']).toBeGreaterThan(0);
  });

  it('installs with npm ci on Node 24 (LTS) with the npm cache', () => {
    expect(stepUsing(nightly, 'actions/checkout')).toHaveLength(1);
    const [setupNode] = stepUsing(nightly, 'actions/setup-node');
    expect(setupNode?.with).toMatchObject({ 'node-version': 24, cache: 'npm' });
    expect(stepNamed(nightly, 'install (npm ci').run).toMatch(/^npm ci\b/);
  });

  it('caches the Playwright browser keyed on the locked Playwright version, and installs it only on a miss', () => {
    const version = stepNamed(nightly, 'Playwright version');
    expect(version.run).toContain("packages['node_modules/playwright'].version");
    const [cache] = stepUsing(nightly, 'actions/cache');
    expect(cache?.with?.path).toBe('~/.cache/ms-playwright');
    expect(String(cache?.with?.key)).toContain(`steps.${version.id}.outputs.version`);
    const install = stepNamed(nightly, 'Install Chromium and');
    expect(install.if).toBe(`steps.${cache?.id}.outputs.cache-hit != 'true'`);
    expect(install.run).toBe('npx playwright install --with-deps chromium');
  });

  it('runs the check with GitHub issues and the token from secrets', () => {
    const check = stepNamed(nightly, 'check the guide');
    expect(check.env?.GITHUB_TOKEN).toBe('${{ secrets.GITHUB_TOKEN }}');
    expect(check.env?.ONLY).toBe('${{ inputs.only }}');
    expect(check.env?.DRY_RUN).toBe('${{ inputs.dry_run }}');
    expect(check.run).toContain('check --issues github');
    expect(check.run).toContain('npx aes-watch');
    expect(check.run).not.toContain('${{'); // inputs only through env: no script injection
  });

  it('accepts the entries of the "accept" input before the check, through env only, never on a dry run', () => {
    const accept = stepNamed(nightly, 'accept the reviewed entries');
    expect(accept.env?.ACCEPT).toBe('${{ inputs.accept }}');
    expect(accept.if).toContain("inputs.accept != ''");
    expect(accept.if).toContain('inputs.dry_run != true');
    expect(accept.run).toContain('npx aes-watch accept "${ids[@]}"');
    expect(accept.run).not.toContain('${{');
    const names = job.steps.map((step) => step.name ?? '');
    expect(names.indexOf(accept.name!)).toBeLessThan(names.findIndex((name) => /check the guide/i.test(name)));
    expect(stepNamed(nightly, 'commit the snapshots').env?.ACCEPTED).toBe('${{ inputs.accept }}');
  });

  it('commits snapshots only when they changed, naming the entries, with [skip ci]; never on a dry run', () => {
    const commit = stepNamed(nightly, 'commit the snapshots');
    expect(commit.run).toContain('git status --porcelain --untracked-files=all -- snapshots/');
    expect(commit.run).toMatch(/git commit [^\n]*\[skip ci\]/);
    expect(commit.run).toContain('git add -A -- snapshots/');
    expect(commit.if).toContain('inputs.dry_run != true');
    expect(commit.run).not.toContain('${{');
  });

  it('keeps itself alive with an empty [skip ci] commit before GitHub’s 60-day cut-off', () => {
    const keepAlive = stepNamed(nightly, 'keep the nightly schedule alive');
    expect(keepAlive.if).toContain("github.event_name == 'schedule'");
    expect(Number(keepAlive.env?.KEEPALIVE_DAYS)).toBeLessThan(60);
    expect(keepAlive.run).toMatch(/git commit [^\n]*--allow-empty[^\n]*\[skip ci\]/);
  });

  it('always uploads reports/ and writes reports/latest.md to the step summary', () => {
    const [upload] = stepUsing(nightly, 'actions/upload-artifact');
    expect(upload?.if).toBe('always()');
    expect(upload?.with?.path).toBe('reports/');
    const summary = stepNamed(nightly, 'change report on the run page');
    expect(summary.if).toBe('always()');
    expect(summary.run).toContain('reports/latest.md');
    expect(summary.run).toContain('"$GITHUB_STEP_SUMMARY"');
  });

  it('orders the steps: install, browser, check, commit, keep-alive, then reports', () => {
    const names = job.steps.map((step) => step.name ?? step.uses ?? '');
    const at = (fragment: string) => names.findIndex((name) => name.toLowerCase().includes(fragment));
    const order = ['check out', 'install (npm ci', 'cache the playwright', 'check the guide', 'commit the snapshots', 'keep the nightly', 'upload the reports', 'change report'].map(at);
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('ci.yml', () => {
  it('runs .ci/run on push and pull_request with read-only permissions', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(ci.permissions).toEqual({ contents: 'read' });
    const steps = Object.values(ci.jobs).flatMap((j) => j.steps);
    expect(steps.some((step) => step.run === 'bash .ci/run')).toBe(true);
    expect(stepUsing(ci, 'actions/setup-node')[0]?.with).toMatchObject({ 'node-version': '${{ matrix.node }}' });
    const job = Object.values(ci.jobs)[0] as { strategy?: { matrix?: { node?: number[] } }; 'timeout-minutes'?: number };
    expect(job.strategy?.matrix?.node).toEqual([20, 22, 24]);
    expect(job['timeout-minutes']).toBeLessThanOrEqual(60);
  });
});
