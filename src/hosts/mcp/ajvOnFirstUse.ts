import type {
  JsonSchemaType,
  JsonSchemaValidator,
  jsonSchemaValidator,
} from '@modelcontextprotocol/sdk/validation/types.js';

/**
 * Takes the place of the SDK's Ajv validator in the `coord mcp` bundle (esbuild.js): Ajv and its
 * formats load (from their own bundle, `dist/ajv.js`) on the first schema the server checks, which
 * it does only when it elicits input from the user, not in every agent's server at start.
 */
export class AjvJsonSchemaValidator implements jsonSchemaValidator {
  private loaded: jsonSchemaValidator | undefined;

  getValidator<T>(schema: JsonSchemaType): JsonSchemaValidator<T> {
    this.loaded ??= new (loadAjv())();
    return this.loaded.getValidator<T>(schema);
  }
}

function loadAjv(): new () => jsonSchemaValidator {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use only
  const ajv = require('@modelcontextprotocol/sdk/validation/ajv') as {
    AjvJsonSchemaValidator: new () => jsonSchemaValidator;
  };
  return ajv.AjvJsonSchemaValidator;
}
