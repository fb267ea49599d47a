// `dist/ajv.js`: the SDK's Ajv validator, which `coord mcp` requires on its first schema check
// (see ajvOnFirstUse.ts).
export { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
