/** The notifiers a check run can use (see src/report/reporters.ts). */
export { createGitHubReporter } from './reporter.js';
export { createDraftsReporter } from '../drafts-reporter.js';
