/** Entry point of `npm run cli`: wires the real process into `main`. */
import { readFile } from 'node:fs/promises';
import { main } from './main.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

process.exitCode = await main({
  argv: process.argv.slice(2),
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin,
  readFile: (path) => readFile(path, 'utf8'),
});
