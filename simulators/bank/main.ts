// CLI entry of the simulated bank: BANK_SIM_TOKEN=<token> [BANK_SIM_PORT=4050] node --import tsx simulators/bank/main.ts
// Statements go to BANK_SIM_IMPORT_URL (default: THREADLINE_INGEST_URL with /events replaced by
// /imports/camt053) as BANK_SIM_CONNECTOR_TOKEN (+ BANK_SIM_SIGNING_SECRET); knobs
// BANK_SIM_LATENCY_MS … (simulators/kit/faults.ts). `npm start` runs it as "bank".
import type { SimulatorFaults } from '../kit/faults.ts';
import { runSimulatorCli } from '../kit/run-simulator-cli.ts';
import { startBankSimulator, type RunningBank } from './server.ts';

const importUrl = process.env.BANK_SIM_IMPORT_URL;

runSimulatorCli<SimulatorFaults, RunningBank>({
  name: 'bank',
  prefix: 'BANK_SIM',
  defaultPort: 4050,
  defaultSource: '/demo/bank',
  start: ({ events, ...options }) => startBankSimulator({ ...options, events: events && { ...events, ingestUrl: importUrl || events.ingestUrl.replace(/\/events$/, '/imports/camt053') } }),
});
