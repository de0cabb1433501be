import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The source's shape: imports point down the pipeline. Type-only and dynamic
 * imports count too: a type cycle is still two files that cannot be read apart.
 */
const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

/** file (relative to src/) → the src files it imports */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const local = importedFiles
      .map((imported) => imported.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => relative(SRC, resolve(dirname(file), name.replace(/\.js$/, '.ts'))));
    graph.set(relative(SRC, file), local);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the chain of files that closes it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return found;
}

const folderOf = (file: string) => file.split('/')[0]!;

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('reads the real source: every stage folder is there', () => {
    const folders = new Set([...graph.keys()].map(folderOf));
    for (const stage of ['guide', 'sources', 'fetch', 'extract', 'snapshot', 'compare', 'discover', 'propose', 'report', 'notify', 'run', 'cli', 'shared']) {
      expect(folders, stage).toContain(stage);
    }
    expect(graph.get('run/check.ts')).toContain('snapshot/store.ts');
  });

  it('has no import cycle between files', () => {
    expect(cycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('points every import down the pipeline: a stage reads only the stages before it', () => {
    // The pipeline, first stage first. fetch/ stands before sources/ because a source names its fetch mode (fetch/'s type).
    const ORDER = ['shared', 'schedule', 'facts', 'guide', 'fetch', 'sources', 'extract', 'snapshot', 'compare', 'discover', 'propose', 'report', 'notify', 'run', 'demo', 'cli'];
    // The reporter registry loads the notifiers as plugins, by dynamic import: the report stage knows their names, not their code.
    const PLUGINS = new Set(['report/reporters.ts → notify/drafts-reporter.ts', 'report/reporters.ts → notify/github/index.ts']);
    const upward: string[] = [];
    for (const [file, imports] of graph) {
      for (const target of imports) {
        const from = ORDER.indexOf(folderOf(file));
        const to = ORDER.indexOf(folderOf(target));
        expect(from, `${file}: a folder outside the pipeline`).toBeGreaterThanOrEqual(0);
        if (to > from && !PLUGINS.has(`${file} → ${target}`)) upward.push(`${file} → ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const planted = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(planted)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });
});
