// CLI entry of the simulated ERP: ERP_SIM_TOKEN=<token> [ERP_SIM_PORT=4020] node --import tsx simulators/erp/main.ts
// Events (q2c.invoice.posted.v1) need THREADLINE_INGEST_URL and ERP_SIM_CONNECTOR_TOKEN
// (+ ERP_SIM_SIGNING_SECRET); knobs ERP_SIM_LATENCY_MS … (simulators/kit/faults.ts).
// `npm start` runs it as the supervised child "erp".
import { runSimulatorCli } from '../kit/run-simulator-cli.ts';
import { startErpSimulator } from './server.ts';

runSimulatorCli({ name: 'erp', prefix: 'ERP_SIM', defaultPort: 4020, defaultSource: '/demo/erp', start: startErpSimulator });
