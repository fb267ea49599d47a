// Octokit and its plugins, which `coord` and `coord mcp` load from a bundle of their own
// (`dist/octokit.js`, see esbuild.js) on their first GitHub request.
export { Octokit } from '@octokit/rest';
export { throttling } from '@octokit/plugin-throttling';
export { retry } from '@octokit/plugin-retry';
