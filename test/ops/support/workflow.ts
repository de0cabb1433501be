import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO } from './child-build.js';

export interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

export interface Workflow {
  name: string;
  on: Record<string, unknown>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  permissions?: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[]; 'timeout-minutes'?: number }>;
}

export const workflowPath = (file: string) => join(REPO, '.github', 'workflows', file);

export async function loadWorkflow(file: string): Promise<{ text: string; workflow: Workflow }> {
  const text = await readFile(workflowPath(file), 'utf8');
  return { text, workflow: parse(text) as Workflow };
}

/** The one step whose name contains `fragment` (fails loudly if none or several). */
export function stepNamed(workflow: Workflow, fragment: string): Step {
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const found = steps.filter((step) => step.name?.toLowerCase().includes(fragment.toLowerCase()));
  if (found.length !== 1) throw new Error(`expected one step named like "${fragment}", found ${found.length}`);
  return found[0] as Step;
}

export function stepUsing(workflow: Workflow, action: string): Step[] {
  return Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .filter((step) => step.uses?.split('@')[0] === action);
}
