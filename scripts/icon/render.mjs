// `node scripts/icon/render.mjs`: renders scripts/icon/icon.svg into media/icon.png (128×128,
// transparent corners) with headless Chromium, the Marketplace's extension icon.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '..', '..', 'media', 'icon.png');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coordinator-icon-'));
try {
  const page = path.join(dir, 'icon.html');
  fs.writeFileSync(
    page,
    '<!DOCTYPE html><html><head><style>html,body{margin:0;background:transparent}</style></head><body>' +
      fs.readFileSync(path.join(here, 'icon.svg'), 'utf8') +
      '</body></html>',
  );
  execFileSync(
    process.env.CHROMIUM ?? 'chromium',
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--default-background-color=00000000',
      '--window-size=128,128',
      `--screenshot=${out}`,
      `file://${page}`,
    ],
    { stdio: 'ignore' },
  );
  console.log(`wrote ${out}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
