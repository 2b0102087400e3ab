// CLI entry of the simulated tax engine:
//   TAX_ENGINE_TOKEN=<token> [TAX_ENGINE_PORT=4010] node --import tsx simulators/tax-engine/main.ts
// Fault knobs at start are the kit's under TAX_ENGINE_* (TAX_ENGINE_LATENCY_MS,
// TAX_ENGINE_ERROR_RATE, TAX_ENGINE_429_RATE, TAX_ENGINE_OUTAGE …); TAX_ENGINE_LOG_REQUESTS=true
// logs one line per calculation. `npm start` runs it as the supervised child "tax-engine";
// SIGTERM/SIGINT stop it cleanly.
import { runSimulatorCli } from '../kit/run-simulator-cli.ts';
import { startTaxEngine } from './server.ts';

runSimulatorCli({ name: 'tax-engine', prefix: 'TAX_ENGINE', defaultPort: 4010, start: startTaxEngine });
