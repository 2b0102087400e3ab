// CLI entry of the simulated PSA: PSA_SIM_TOKEN=<token> [PSA_SIM_PORT=4030] node --import tsx simulators/psa/main.ts
// Events (q2c.project.created.v1) need THREADLINE_INGEST_URL and PSA_SIM_CONNECTOR_TOKEN
// (+ PSA_SIM_SIGNING_SECRET); knobs PSA_SIM_LATENCY_MS … (simulators/kit/faults.ts).
// `npm start` runs it as the supervised child "psa".
import { runSimulatorCli } from '../kit/run-simulator-cli.ts';
import { startPsaSimulator } from './server.ts';

runSimulatorCli({ name: 'psa', prefix: 'PSA_SIM', defaultPort: 4030, defaultSource: '/demo/psa', start: startPsaSimulator });
