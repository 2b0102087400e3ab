// CLI entry of the simulated CRM: CRM_SIM_TOKEN=<token> [CRM_SIM_PORT=4070] node --import tsx simulators/crm/main.ts
// Events (q2c.quote.accepted.v1) need THREADLINE_INGEST_URL and CRM_SIM_CONNECTOR_TOKEN
// (+ CRM_SIM_SIGNING_SECRET); knobs CRM_SIM_LATENCY_MS … (simulators/kit/faults.ts).
// `npm start` runs it as the supervised child "crm".
import { runSimulatorCli } from '../kit/run-simulator-cli.ts';
import { startCrmSimulator } from './server.ts';

runSimulatorCli({ name: 'crm', prefix: 'CRM_SIM', defaultPort: 4070, defaultSource: '/demo/crm', start: startCrmSimulator });
