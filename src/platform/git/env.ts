/**
 * Variables that point git at a repository. When the extension or the CLI runs
 * from inside a git hook they are set for the hook's repository and would
 * silently redirect every command, so they never reach a child git.
 */
const LOCATION_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_COMMON_DIR',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_NAMESPACE',
  'GIT_PREFIX',
  'GIT_QUARANTINE_PATH',
];

/** The fixed environment of every git child: no prompts, no pager, C locale for parsing. */
export function gitEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of LOCATION_VARIABLES) {
    delete env[name];
  }
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_PAGER = 'cat';
  env.PAGER = 'cat';
  env.GIT_EDITOR = 'true';
  env.LC_ALL = 'C';
  env.LANGUAGE = 'C';
  return env;
}
