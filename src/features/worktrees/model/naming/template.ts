/** Expands `${name}` placeholders. Unknown names are an error so a typo in a setting is reported, not used. */
import { CoordinatorError } from '../../../../kernel/errors/coordinatorError';
export function expandTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\$\{([A-Za-z]+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined) {
      const known = Object.keys(values)
        .map((key) => '${' + key + '}')
        .join(', ');
      throw new TemplateError(
        `Unknown placeholder ${placeholder} in "${template}" (known: ${known})`,
      );
    }
    return value;
  });
}

export class TemplateError extends CoordinatorError {
  override readonly name = 'TemplateError';

  constructor(message: string) {
    super('badTemplate', message);
  }
}
