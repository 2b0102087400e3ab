// The simulated HCM (Workday-like, simplified) on the simulator kit: it masters employees.
// A hire or a change (name, cost rate, cost center) is stored at once and emitted as
// q2c.employee.updated.v1 with the employee's whole record, `subject` = employee id and a
// `sequence` that increases per employee (kit/event-emitter.ts), so Threadline can put a
// late or reordered delivery (the outOfOrderRate knob) back in order. `time` is the change's
// effective date: Threadline's cost-rate history starts from it.
//   POST /v1/employees  {employeeId, name, costRate "95.50", currency, costCenter, effectiveFrom?}
//                       → 201 {employee, sequence} for a hire, 200 for a change
// Plus /health and /_control (kit/server.ts); GET /_control shows the employees.
import { z } from 'zod';
import { SimulatorEventEmitter, type EmitterTarget } from '../kit/event-emitter.ts';
import type { SimulatorFaults } from '../kit/faults.ts';
import { startSimulatorServer, type RunningSimulator, type StartSimulatorOptions } from '../kit/server.ts';

const employeeRequest = z.strictObject({
  employeeId: z.string().min(1).max(128),
  name: z.string().min(1).max(256),
  costRate: z.string().regex(/^\d{1,12}(\.\d{1,4})?$/, 'a non-negative decimal, e.g. "95.50"'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code'),
  costCenter: z.string().min(1).max(128),
  effectiveFrom: z.iso.date().optional(),
});

export type HcmEmployee = Omit<z.infer<typeof employeeRequest>, 'effectiveFrom'> & { effectiveFrom: string };

export interface StartHcmOptions extends Pick<StartSimulatorOptions, 'port' | 'token' | 'host' | 'random' | 'onRequest'> {
  faults?: Partial<SimulatorFaults>;
  events?: EmitterTarget;
}

export interface RunningHcm extends RunningSimulator {
  employees: Map<string, HcmEmployee>;
  emitter: SimulatorEventEmitter;
}

export async function startHcmSimulator(options: StartHcmOptions): Promise<RunningHcm> {
  const employees = new Map<string, HcmEmployee>();
  const emitter = new SimulatorEventEmitter({ target: options.events, faults: () => server.faults(), random: options.random });

  const server: RunningSimulator = await startSimulatorServer({
    ...options,
    name: 'hcm',
    routes: [
      {
        path: 'v1/employees',
        schema: employeeRequest,
        handle: (body: z.infer<typeof employeeRequest>) => {
          const hired = !employees.has(body.employeeId);
          const employee: HcmEmployee = { ...body, effectiveFrom: body.effectiveFrom ?? new Date().toISOString().slice(0, 10) };
          employees.set(body.employeeId, employee);
          const { effectiveFrom, ...data } = employee;
          const event = emitter.emit({ type: 'q2c.employee.updated.v1', subject: employee.employeeId, time: `${effectiveFrom}T00:00:00Z`, data });
          return { status: hired ? 201 : 200, body: { employee, sequence: event?.sequence ?? null } };
        },
      },
    ],
    state: () => ({ employees: [...employees.values()], events: { enabled: emitter.enabled, ...emitter.stats } }),
  });
  return {
    ...server,
    employees,
    emitter,
    stop: async () => {
      emitter.stop();
      await server.stop();
    },
  };
}
