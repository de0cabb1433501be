/** The languages the editor-facing reports speak; French by default, for GISTI's editors. */
export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'fr';
