// CLI entry of the simulated tax engine:
//   TAX_ENGINE_TOKEN=<token> [TAX_ENGINE_PORT=4010] node --import tsx simulators/tax-engine/main.ts
// Fault knobs at start: TAX_ENGINE_LATENCY_MS, TAX_ENGINE_ERROR_RATE, TAX_ENGINE_429_RATE,
// TAX_ENGINE_OUTAGE; TAX_ENGINE_LOG_REQUESTS=true logs one line per calculation.
// `npm start` runs it as the supervised child "tax-engine"; SIGTERM/SIGINT stop it cleanly.
import { faultsFromEnv } from './faults.ts';
import { startTaxEngine } from './server.ts';

function line(msg: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), service: 'tax-engine', msg, ...fields }) + '\n');
}

async function main(): Promise<void> {
  const token = process.env.TAX_ENGINE_TOKEN;
  if (!token) throw new Error('Set TAX_ENGINE_TOKEN: the bearer token callers must present (at least 16 characters).');
  const port = Number(process.env.TAX_ENGINE_PORT ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`TAX_ENGINE_PORT must be a port number, not "${process.env.TAX_ENGINE_PORT}".`);
  const logRequests = ['true', '1', 'yes'].includes(process.env.TAX_ENGINE_LOG_REQUESTS ?? '');

  const engine = await startTaxEngine({
    port,
    token,
    host: process.env.TAX_ENGINE_HOST || '127.0.0.1',
    faults: faultsFromEnv(process.env),
    onRequest: logRequests ? (summary) => line('calculate', summary) : undefined,
  });
  line('tax engine listening', { url: engine.url, faults: engine.faults() });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    await engine.stop();
    line('tax engine stopped', { signal });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
