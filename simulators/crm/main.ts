// CLI entry of the simulated CRM: CRM_SIM_TOKEN=<token> [CRM_SIM_PORT=4070] node --import tsx simulators/crm/main.ts
// Events (q2c.quote.accepted.v1) need THREADLINE_INGEST_URL and CRM_SIM_CONNECTOR_TOKEN
// (+ CRM_SIM_SIGNING_SECRET); knobs CRM_SIM_LATENCY_MS … (simulators/kit/faults.ts).
// CRM_SIM_SALESFORCE_URL (e.g. http://127.0.0.1:3000/api/v1/webhooks/salesforce) also sends
// each acceptance as a Salesforce change event with the same credentials; the crm
// connector's endpoint must then point here for the re-read (GET /records/Quote/<id>).
// `npm start` runs it as the supervised child "crm" (CloudEvents only).
import type { SimulatorFaults } from '../kit/faults.ts';
import { runSimulatorCli } from '../kit/run-simulator-cli.ts';
import { startCrmSimulator, type RunningCrm } from './server.ts';

const salesforceUrl = process.env.CRM_SIM_SALESFORCE_URL;

runSimulatorCli<SimulatorFaults, RunningCrm>({
  name: 'crm',
  prefix: 'CRM_SIM',
  defaultPort: 4070,
  defaultSource: '/demo/crm',
  start: (options) => startCrmSimulator({ ...options, salesforce: salesforceUrl && options.events ? { ...options.events, ingestUrl: salesforceUrl } : undefined }),
});
