/**
 * The rules of `git check-ref-format --branch`, applied to a branch name
 * (the part after `refs/heads/`). Returns why the name is refused, or
 * undefined when git would accept it.
 */
export function branchNameProblem(name: string): string | undefined {
  if (name.length === 0) {
    return 'it is empty';
  }
  if (name.startsWith('-')) {
    return 'it starts with "-"';
  }
  if (name === '@' || name === 'HEAD') {
    return `"${name}" is reserved`;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f ~^:?*[\\]/.test(name)) {
    return 'it contains a space, a control character or one of ~ ^ : ? * [ \\';
  }
  if (name.includes('..')) {
    return 'it contains ".."';
  }
  if (name.includes('@{')) {
    return 'it contains "@{"';
  }
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) {
    return 'it has an empty path component';
  }
  if (name.endsWith('.')) {
    return 'it ends with "."';
  }
  for (const component of name.split('/')) {
    if (component.startsWith('.')) {
      return `component "${component}" starts with "."`;
    }
    if (component.endsWith('.lock')) {
      return `component "${component}" ends with ".lock"`;
    }
  }
  return undefined;
}

export function isValidBranchName(name: string): boolean {
  return branchNameProblem(name) === undefined;
}

/** Turns any text into a name `git check-ref-format --branch` accepts, keeping its `/` structure. */
export function sanitizeBranchName(text: string, fallback = 'task'): string {
  const components = text
    .split('/')
    .map(sanitizeComponent)
    .filter((component) => component.length > 0);
  const name = components.join('/').replace(/^-+/, '');
  if (name.length === 0 || name === '@' || name === 'HEAD') {
    return fallback;
  }
  return name;
}

function sanitizeComponent(component: string): string {
  let current = component;
  for (;;) {
    const next = current
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f ~^:?*[\\]+/g, '-')
      .replace(/@\{/g, '@-')
      .replace(/\.{2,}/g, '.')
      .replace(/^[.-]+/, '')
      .replace(/(\.lock)+$/, '')
      .replace(/\.+$/, '');
    if (next === current) {
      return next;
    }
    current = next;
  }
}
