// CLI entry of the simulated payment gateway: PAYMENTS_SIM_TOKEN=<token> [PAYMENTS_SIM_PORT=4040] node --import tsx simulators/payments/main.ts
// Webhooks need PAYMENTS_SIM_WEBHOOK_URL (e.g. http://127.0.0.1:3000/api/v1/webhooks/stripe?connector=payments)
// and PAYMENTS_SIM_WEBHOOK_SECRET (the whsec_… the payments connector holds); knobs
// PAYMENTS_SIM_LATENCY_MS … (simulators/kit/faults.ts). `npm start` runs it as "payments".
import type { SimulatorFaults } from '../kit/faults.ts';
import { runSimulatorCli } from '../kit/run-simulator-cli.ts';
import { startPaymentsSimulator, type RunningPayments } from './server.ts';

const url = process.env.PAYMENTS_SIM_WEBHOOK_URL;
const secret = process.env.PAYMENTS_SIM_WEBHOOK_SECRET;

runSimulatorCli<SimulatorFaults, RunningPayments>({ name: 'payments', prefix: 'PAYMENTS_SIM', defaultPort: 4040, start: (options) => startPaymentsSimulator({ ...options, webhook: url && secret ? { url, secret } : undefined }) });
