// Calls to the running simulators for the demo loader: their command routes with their
// bearer token (the CRM's quotes, the HCM's hires, the gateway's charges and disputes,
// the bank's credits and statements), their knobs (POST /_control, loopback only), and
// whether everything they emitted has been delivered to Threadline.
import { DemoLoadError } from './threadline-client.ts';

export type SimulatorName = 'crm' | 'hcm' | 'payments' | 'bank' | 'erp' | 'psa' | 'tax';

export interface SimulatorEndpoint {
  url: string;
  token: string;
}

export type SimulatorEndpoints = Partial<Record<SimulatorName, SimulatorEndpoint>>;

export interface SimulatorClient {
  post<T>(name: SimulatorName, path: string, body: unknown): Promise<T>;
  control(name: SimulatorName, knobs: Record<string, unknown>): Promise<void>;
  /** True when every event each simulator emitted was delivered or given up. */
  quiet(): Promise<boolean>;
}

interface EmitterState {
  emitted: number;
  delivered: number;
  failed: number;
  duplicatesSent: number;
}

export function simulatorClient(endpoints: SimulatorEndpoints): SimulatorClient {
  const endpoint = (name: SimulatorName) => {
    const found = endpoints[name];
    if (!found) throw new DemoLoadError(`The ${name} simulator is not running (COMMAND_SIMULATORS=false?): the demo world needs it.`);
    return found;
  };
  return {
    async post<T>(name: SimulatorName, path: string, body: unknown) {
      const { url, token } = endpoint(name);
      const response = await fetch(`${url}/${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
      const text = await response.text();
      if (!response.ok) throw new DemoLoadError(`The ${name} simulator refused POST /${path} (${response.status}): ${text.slice(0, 300)}`);
      return JSON.parse(text) as T;
    },
    async control(name, knobs) {
      const response = await fetch(`${endpoint(name).url}/_control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(knobs) });
      if (!response.ok) throw new DemoLoadError(`The ${name} simulator refused its knobs ${JSON.stringify(knobs)} (${response.status}).`);
      await response.body?.cancel();
    },
    async quiet() {
      for (const name of ['erp', 'psa', 'crm', 'hcm', 'payments', 'bank'] as const) {
        const found = endpoints[name];
        if (!found) continue;
        const response = await fetch(`${found.url}/_control`);
        const state = (await response.json()) as { events?: EmitterState };
        const e = state.events;
        if (e && e.delivered + e.failed < e.emitted + e.duplicatesSent) return false;
      }
      return true;
    },
  };
}
