import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadWorkflow, stepNamed } from './support/workflow.js';

/**
 * The nightly workflow's shell steps, run for real against a scratch git
 * repository with a bare "origin": the commit guard, the message, the push,
 * the keep-alive and the flag mapping are behaviour, not just text.
 */
const { workflow } = await loadWorkflow('nightly.yml');
const DAY = 86_400;

let root: string;
let work: string;
let origin: string;
let gitEnv: NodeJS.ProcessEnv;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'aes-watch-wf-'));
  work = join(root, 'work');
  origin = join(root, 'origin.git');
  // Isolated from the machine's git config; nothing touches the project's repository.
  gitEnv = { PATH: process.env.PATH, HOME: root, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: join(root, 'gitconfig'), LANG: 'C' };
  await writeFile(join(root, 'gitconfig'), '[init]\n\tdefaultBranch = main\n');
  git(root, 'init', '-q', '--bare', origin);
  git(root, 'init', '-q', work);
  runStep('configure git');
  await put('snapshots/14-calvados/state.json', '{"consecutiveFailures":0}\n');
  await put('data/guides/normandie.txt', 'Région Normandie\n');
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', 'seed');
  git(work, 'remote', 'add', 'origin', origin);
  git(work, 'push', '-q', 'origin', 'HEAD:main');
});
afterEach(() => rm(root, { recursive: true, force: true }));

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8' }).trim();
}

async function put(path: string, content: string): Promise<void> {
  await mkdir(dirname(join(work, path)), { recursive: true });
  await writeFile(join(work, path), content);
}

/** Runs a step's script the way Actions does (bash -eo pipefail), with the step's env filled in. */
function runStep(name: string, env: Record<string, string> = {}) {
  const step = stepNamed(workflow, name);
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''], {
    cwd: work,
    env: { ...gitEnv, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`step "${name}" failed (${result.status}): ${result.stderr}`);
  return result;
}

const originLog = () => git(origin, 'log', '--format=%s', 'main').split('\n');
const commitEnv = { BRANCH: 'main', RUN_URL: 'https://github.com/gisti/aes-watch/actions/runs/42' };

describe('commit step', () => {
  it('commits nothing when no snapshot changed, even if reports/ did', async () => {
    await put('reports/latest.md', '# report\n');
    const result = runStep('commit the snapshots', commitEnv);
    expect(result.stdout).toContain('nothing to commit');
    expect(originLog()).toEqual(['seed']);
  });

  it('commits only snapshots/, names the changed entries and carries [skip ci], then pushes', async () => {
    await put('snapshots/14-calvados/state.json', '{"consecutiveFailures":1}\n');
    await put('snapshots/50-manche/prefecture-page/current.md', 'Préfecture de la Manche\n');
    await put('data/guides/normandie.txt', 'edited by hand\n');
    runStep('commit the snapshots', commitEnv);
    expect(originLog()).toEqual(['snapshots: 14-calvados, 50-manche [skip ci]', 'seed']);
    const files = git(origin, 'show', '--name-only', '--format=', 'main').split('\n').sort();
    expect(files).toEqual(['snapshots/14-calvados/state.json', 'snapshots/50-manche/prefecture-page/current.md']);
    expect(git(origin, 'log', '-1', '--format=%b', 'main')).toContain('Changed entries: 2. Run: https://github.com/gisti/aes-watch/actions/runs/42');
    expect(git(work, 'status', '--porcelain')).toBe('M data/guides/normandie.txt');
  });

  it("leaves aes-watch's own files (the parsed-guide cache, the folder marker) out of the entries it names", async () => {
    await put('snapshots/.aes-watch-cache/guides.json', '{"reader":"r","guides":{}}\n');
    await put('snapshots/.aes-watch-folder', 'aes-watch\n');
    await put('snapshots/61-orne/state.json', '{}\n');
    runStep('commit the snapshots', commitEnv);
    expect(originLog()).toEqual(['snapshots: 61-orne [skip ci]', 'seed']);
    expect(git(origin, 'log', '-1', '--format=%b', 'main')).toContain('Changed entries: 1.');

    await put('snapshots/.aes-watch-cache/guides.json', '{"reader":"r2","guides":{}}\n');
    runStep('commit the snapshots', commitEnv);
    expect(originLog()[0]).toBe('snapshots: the parsed guide [skip ci]');
    expect(git(origin, 'log', '-1', '--format=%b', 'main')).toContain('Changed entries: 0.');
  });

  it('names an accept run after the entries accepted and who reviewed them', async () => {
    await put('snapshots/14-calvados/prefecture-page/baseline.md', 'Préfecture du Calvados\n');
    runStep('commit the snapshots', { ...commitEnv, ACCEPTED: '14-calvados', ACTOR: 'redaction-gisti' });
    expect(originLog()).toEqual(['accept: 14-calvados, reviewed by redaction-gisti [skip ci]', 'seed']);
  });

  it('rebases and pushes when someone pushed to the branch meanwhile', async () => {
    const other = join(root, 'other');
    git(root, 'clone', '-q', origin, other);
    await writeFile(join(other, 'README.md'), 'docs\n');
    git(other, 'add', '-A');
    git(other, '-c', 'user.name=Volunteer', '-c', 'user.email=v@example.org', 'commit', '-q', '-m', 'docs');
    git(other, 'push', '-q', 'origin', 'HEAD:main');

    await put('snapshots/76-seine-maritime/state.json', '{}\n');
    runStep('commit the snapshots', commitEnv);
    expect(originLog()).toEqual(['snapshots: 76-seine-maritime [skip ci]', 'docs', 'seed']);
  });
});

describe('keep-alive step', () => {
  async function seedAged(days: number): Promise<void> {
    const when = `${Math.floor(Date.now() / 1000) - days * DAY} +0000`;
    await put('snapshots/14-calvados/state.json', `{"aged":${days}}\n`);
    git(work, 'add', '-A');
    execFileSync('git', ['commit', '-q', '-m', 'last activity'], { cwd: work, env: { ...gitEnv, GIT_COMMITTER_DATE: when, GIT_AUTHOR_DATE: when } });
    git(work, 'push', '-q', 'origin', 'HEAD:main');
  }

  it('pushes an empty [skip ci] commit once the last commit is 50 days old', async () => {
    await seedAged(55);
    runStep('keep the nightly schedule alive', { BRANCH: 'main', KEEPALIVE_DAYS: '50' });
    expect(originLog()[0]).toBe('chore: keep the nightly schedule alive [skip ci]');
    expect(git(origin, 'show', '--name-only', '--format=', 'main')).toBe('');
  });

  it('does nothing while the repository is active', async () => {
    await seedAged(10);
    const result = runStep('keep the nightly schedule alive', { BRANCH: 'main', KEEPALIVE_DAYS: '50' });
    expect(result.stdout).toContain('no keep-alive needed');
    expect(originLog()[0]).toBe('last activity');
  });
});

/** A stand-in `npx` that records its arguments, one per line. */
async function fakeNpx(): Promise<{ env: Record<string, string>; args: () => Promise<string[]> }> {
  const bin = join(root, 'bin');
  await mkdir(bin);
  const record = join(root, 'npx-args');
  await writeFile(join(bin, 'npx'), `#!/usr/bin/env bash\nprintf '%s\\n' "$@" > "${record}"\n`);
  await chmod(join(bin, 'npx'), 0o755);
  return {
    env: { PATH: `${bin}:${process.env.PATH}` },
    args: async () => (await readFile(record, 'utf8')).trimEnd().split('\n'),
  };
}

describe('accept step', () => {
  it.each([
    ['14-calvados', ['aes-watch', 'accept', '14-calvados']],
    ['14, 50-manche', ['aes-watch', 'accept', '14', '50-manche']],
    ['14,50 76', ['aes-watch', 'accept', '14', '50', '76']],
    ['14; touch injected $(touch injected2)', ['aes-watch', 'accept', '14;', 'touch', 'injected', '$(touch', 'injected2)']],
  ])('maps the accept input %j to the command line', async (input, expected) => {
    const npx = await fakeNpx();
    runStep('accept the reviewed entries', { ...npx.env, ACCEPT: input });
    expect(await npx.args()).toEqual(expected);
    expect(git(work, 'status', '--porcelain', '--untracked-files=all')).toBe(''); // nothing was executed from the input
  });
});

describe('check step', () => {

  it.each([
    [{ ONLY: '', DRY_RUN: '' }, ['aes-watch', 'check', '--issues', 'github']],
    [{ ONLY: '14,50-manche', DRY_RUN: 'false' }, ['aes-watch', 'check', '--issues', 'github', '--only', '14,50-manche']],
    [{ ONLY: '14', DRY_RUN: 'true' }, ['aes-watch', 'check', '--issues', 'github', '--only', '14', '--dry-run']],
    [{ ONLY: '14; touch injected $(touch injected2)', DRY_RUN: 'false' }, ['aes-watch', 'check', '--issues', 'github', '--only', '14; touch injected $(touch injected2)']],
  ])('maps the inputs %j to the command line', async (inputs, expected) => {
    const npx = await fakeNpx();
    runStep('check the guide', { ...npx.env, ...inputs, GITHUB_TOKEN: 'test-token' });
    expect(await npx.args()).toEqual(expected);
    expect(git(work, 'status', '--porcelain', '--untracked-files=all')).toBe(''); // nothing was executed from the input
  });
});
