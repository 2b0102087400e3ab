// CLI entry of the simulated payment gateway: PAYMENTS_SIM_TOKEN=<token> [PAYMENTS_SIM_PORT=4040] node --import tsx simulators/payments/main.ts
// Webhooks go to PAYMENTS_SIM_WEBHOOK_URL signed with PAYMENTS_SIM_WEBHOOK_SECRET (the whsec_…
// the payments connector holds); without them, as `npm start` runs it, to THREADLINE_INGEST_URL
// with /events replaced by /webhooks/stripe?connector=payments, signed with
// PAYMENTS_SIM_SIGNING_SECRET (that connector's secret). Knobs PAYMENTS_SIM_LATENCY_MS …
// (simulators/kit/faults.ts). `npm start` runs it as the supervised child "payments".
import type { SimulatorFaults } from '../kit/faults.ts';
import { runSimulatorCli } from '../kit/run-simulator-cli.ts';
import { startPaymentsSimulator, type RunningPayments } from './server.ts';

const env = process.env;

runSimulatorCli<SimulatorFaults, RunningPayments>({
  name: 'payments',
  prefix: 'PAYMENTS_SIM',
  defaultPort: 4040,
  defaultSource: '/demo/payments',
  start: ({ events, ...options }) => {
    const url = env.PAYMENTS_SIM_WEBHOOK_URL || events?.ingestUrl.replace(/\/events$/, '/webhooks/stripe?connector=payments');
    const secret = env.PAYMENTS_SIM_WEBHOOK_SECRET || events?.signingSecret;
    return startPaymentsSimulator({ ...options, webhook: url && secret ? { url, secret } : undefined });
  },
});
