import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

interface OpenApiResponse {
  $ref?: string;
  content?: Record<string, { schema?: unknown }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse> }>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, OpenApiResponse> };
}

/**
 * Validates response bodies against GitHub's published OpenAPI description
 * (`@octokit/openapi`, api.github.com), resolving `$ref`s into its components.
 */
export class GitHubOpenApi {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  private constructor(private readonly doc: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    allowNullInNullableEnums(doc.components);
    this.ajv.addSchema({ components: doc.components }, 'github');
  }

  static load(): GitHubOpenApi {
    // Resolved from the project root, where mocha and the bench run.
    const require = createRequire(resolve('package.json'));
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    return new GitHubOpenApi(JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument);
  }

  /** The documented schema for this response; errors not listed for an operation use `basic-error`. */
  private schemaRef(template: string, method: string, status: number): string | undefined {
    if (status === 304) {
      // GitHub answers any conditional GET with 304; only some operations list it.
      return undefined;
    }
    const operation = this.doc.paths[template]?.[method.toLowerCase()];
    if (!operation) {
      throw new Error(`No ${method} ${template} in GitHub's OpenAPI description`);
    }
    let response = operation.responses[String(status)];
    if (response?.$ref) {
      response = this.doc.components.responses[response.$ref.split('/').pop() ?? ''];
    }
    if (!response) {
      if (status >= 400) {
        return '#/components/schemas/basic-error';
      }
      throw new Error(`${method} ${template} documents no ${status} response`);
    }
    return response.content?.['application/json']
      ? JSON.stringify(response.content['application/json'].schema)
      : undefined;
  }

  /** Problems found, empty when the body conforms (or the response documents no body). */
  validate(template: string, method: string, status: number, body: unknown): string[] {
    const ref = this.schemaRef(template, method, status);
    if (ref === undefined) {
      return body === undefined || body === ''
        ? []
        : [`${method} ${template} ${status} should have no body`];
    }
    let validate = this.compiled.get(ref);
    if (!validate) {
      const schema = ref.startsWith('#')
        ? { $ref: `github${ref}` }
        : rebase(JSON.parse(ref) as unknown);
      validate = this.ajv.compile(schema as object);
      this.compiled.set(ref, validate);
    }
    if (validate(body)) {
      return [];
    }
    return (validate.errors ?? []).map(
      (error) =>
        `${method} ${template} ${status}: ${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
    );
  }
}

/** Points local `#/components/...` refs of an inline schema at the registered document. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) {
    return schema.map(rebase);
  }
  if (typeof schema === 'object' && schema !== null) {
    return Object.fromEntries(
      Object.entries(schema).map(([key, value]) => [
        key,
        key === '$ref' && typeof value === 'string' && value.startsWith('#')
          ? `github${value}`
          : rebase(value),
      ]),
    );
  }
  return schema;
}

/**
 * OpenAPI 3.0 `nullable: true` beside an `enum` means null is allowed (GitHub sends a null
 * `conclusion` for running check runs); Ajv only accepts it when null is in the enum.
 */
function allowNullInNullableEnums(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(allowNullInNullableEnums);
    return;
  }
  if (typeof node !== 'object' || node === null) {
    return;
  }
  const schema = node as { nullable?: unknown; enum?: unknown[] };
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) {
    schema.enum.push(null);
  }
  Object.values(node).forEach(allowNullInNullableEnums);
}
