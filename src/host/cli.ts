/** `npm run serve`: the app in a browser, on this machine only. */
import os from 'node:os';
import path from 'node:path';
import { startHost } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const dataDir = arg('data-dir') ?? path.join(os.homedir(), '.lagesbild');
const port = Number(arg('port') ?? 0);
const demoRows = arg('demo-rows') ? Number(arg('demo-rows')) : undefined;
// Typed on the command line, so read against the working directory here (the host itself never does).
const dbArg = arg('db');
const openFile = dbArg ? path.resolve(dbArg) : undefined;

async function main(): Promise<void> {
  const host = await startHost({
    dataDir,
    rendererDir: path.resolve(__dirname, '../../out/renderer'),
    port,
    ...(demoRows ? { demoRows } : {}),
    ...(openFile ? { openFile } : {}),
  });
  console.log(`Lägesbild körs. Öppna i webbläsaren:\n  ${host.url}\nData: ${dataDir}\nAvsluta med Ctrl+C.`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('Lägesbild kunde inte starta:', err instanceof Error ? err.message : err);
  process.exit(1);
});
