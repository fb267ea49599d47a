// Writes dist/schema/task_status.schema.json from the zod schemas (run by esbuild.js after a build).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { taskFileJsonSchema } from '../src/kernel/schema/jsonSchema';

const out = join('dist', 'schema', 'task_status.schema.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(taskFileJsonSchema(), null, 2)}\n`);
