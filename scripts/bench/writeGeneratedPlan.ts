// `node --import tsx scripts/bench/writeGeneratedPlan.ts COUNT FILE`: writes the generated plan
// of COUNT tasks to FILE (for test workspaces built by plain-node scripts).
import { writeFileSync } from 'node:fs';
import { generatePlan } from './generatedPlan';

const [count, file] = process.argv.slice(2);
if (!count || !file || !Number.isInteger(Number(count))) {
  console.error('usage: writeGeneratedPlan.ts COUNT FILE');
  process.exit(2);
}
writeFileSync(file, generatePlan(Number(count)));
