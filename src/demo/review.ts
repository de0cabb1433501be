import { relative } from 'node:path';

/**
 * The README's review, replayed on the demo: round 2 left Calvados stale
 * because its page now says CEDEX 9 where the guide says CEDEX 08. These are
 * the exact commands an editor types to fix the guide, accept, and recheck.
 */
export const CALVADOS_FIX = { entry: '14-calvados', from: '14038 CAEN CEDEX 08', to: '14038 CAEN CEDEX 9' } as const;

/** A path as the editor types it: relative to where they are, quoted if it has to be. */
function shellPath(path: string, cwd: string): string {
  const near = relative(cwd, path) || '.';
  return /^[\w./-]+$/.test(near) ? near : `'${near.replace(/'/g, `'\\''`)}'`;
}

export interface ReviewStep {
  say: string;
  command: string;
}

export function reviewSteps(work: string, cwd: string): ReviewStep[] {
  const guide = shellPath(`${work}/normandie.txt`, cwd);
  const snapshots = shellPath(`${work}/snapshots`, cwd);
  const reports = shellPath(`${work}/reports`, cwd);
  const { entry, from, to } = CALVADOS_FIX;
  const file = guide.replace(/^'|'$/g, '');
  return [
    {
      say: `Fix the guide: in ${guide}, the Calvados address now ends "${to}" (the page changed it). Edit the file by hand, or:`,
      command: `node -e "const fs=require('fs'),f='${file}';fs.writeFileSync(f,fs.readFileSync(f,'utf8').replace('${from}','${to}'))"`,
    },
    {
      say: 'Accept the current page as the new reviewed baseline:',
      command: `npx aes-watch accept ${entry} --snapshots ${snapshots} --guide ${guide}`,
    },
    {
      say: 'Recheck: Calvados is ok (a real repository would now commit the guide and the snapshots):',
      command: `npx aes-watch check --only 14 --guide ${guide} --snapshots ${snapshots} --reports ${reports} --per-host-delay 0 --fetch http`,
    },
  ];
}

export function reviewInstructions(work: string, cwd: string, origin: string): string {
  const steps = reviewSteps(work, cwd).map((step, i) => `${i + 1}. ${step.say}\n   $ ${step.command}`);
  return [
    '',
    'Review it as an editor would (see "Review a change" in README.md), in another terminal, from this folder:',
    ...steps,
    '',
    `The replay site keeps serving round 2 at ${origin} until you press Ctrl-C.`,
  ].join('\n');
}
