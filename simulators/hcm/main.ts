// CLI entry of the simulated HCM: HCM_SIM_TOKEN=<token> [HCM_SIM_PORT=4060] node --import tsx simulators/hcm/main.ts
// Events (q2c.employee.updated.v1) need THREADLINE_INGEST_URL and HCM_SIM_CONNECTOR_TOKEN
// (+ HCM_SIM_SIGNING_SECRET); knobs HCM_SIM_LATENCY_MS … (simulators/kit/faults.ts).
// `npm start` runs it as the supervised child "hcm".
import { runSimulatorCli } from '../kit/run-simulator-cli.ts';
import { startHcmSimulator } from './server.ts';

runSimulatorCli({ name: 'hcm', prefix: 'HCM_SIM', defaultPort: 4060, defaultSource: '/demo/hcm', start: startHcmSimulator });
