import { describe, expect, it } from 'vitest';
import { dsfrPage, postalProcedure } from '../support/prefecture.js';
import { useCalvadosScene } from './fixture-run.js';

/** "Changed since last run" is about what the page answered, not only its text. */
const PAGE = '/Demarches/Sejour/Admission-exceptionnelle';
const scene = useCalvadosScene('127.0.17.1', PAGE);

const changed = async () => (await scene.ws.check()).report.entries[0]!;

describe('changed since last run', () => {
  it('counts 200 → 404, and not the same 404 the night after', async () => {
    expect((await changed()).status).toBe('ok');
    scene.site.set(PAGE, { status: 404, body: '<h1>Page introuvable</h1>' });
    expect(await changed()).toMatchObject({ status: 'stale', reasons: [{ code: 'source-gone' }], changedSinceLastRun: true });
    expect(await changed()).toMatchObject({ status: 'stale', changedSinceLastRun: false });
  });

  it('counts a new redirect, though the text it leads to is the same', async () => {
    await changed();
    scene.site.set(PAGE, { status: 301, headers: { location: '/Demarches/Etrangers/AES' } });
    scene.site.set('/Demarches/Etrangers/AES', { body: dsfrPage({ updated: '14/01/2023', body: postalProcedure() }) });
    expect(await changed()).toMatchObject({ status: 'stale', reasons: [{ code: 'source-moved' }], changedSinceLastRun: true });
    expect((await changed()).changedSinceLastRun).toBe(false);
  });

  it('shows it in the French Markdown report', async () => {
    await changed();
    scene.site.set(PAGE, { status: 410, body: '<h1>Page supprimée</h1>' });
    await changed();
    const { readFile } = await import('node:fs/promises');
    const md = await readFile(`${scene.ws.reports}/latest.md`, 'utf8');
    expect(md).toContain('| ⚠️ à revoir | page disparue | oui |');
  });
});
