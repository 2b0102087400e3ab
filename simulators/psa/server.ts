// The simulated PSA (Kantata/Certinia-like, simplified) on the simulator kit: it accepts
// a project for an engagement shell at once (202, provisioning) and, after the
// emitDelayMs knob, emits q2c.project.created.v1 with its project id, which activates the
// engagement in Threadline. A second request for the same engagement (another key) gets
// the same project: the PSA upserts by Threadline's engagement id. With the businessDated
// knob the event's time is a few days after the quote's acceptance (provisioning-time.ts).
//   POST /v1/projects → 202 {projectId, status: PROVISIONING}   (200 when it already exists)
//   POST /v1/corrections → 200 {correctionId, status: APPLIED}   (kit/corrections.ts): a project's status
// Plus /health and /_control (kit/server.ts); GET /_control shows the projects.
import { z } from 'zod';
import { correctionRoute, type AppliedCorrection } from '../kit/corrections.ts';
import { SimulatorEventEmitter, type EmitterTarget } from '../kit/event-emitter.ts';
import type { SimulatorFaults } from '../kit/faults.ts';
import { startSimulatorServer, type RunningSimulator, type StartSimulatorOptions } from '../kit/server.ts';
import { provisioningTime } from './provisioning-time.ts';

const projectRequest = z.looseObject({
  engagementId: z.string().min(1).max(256),
  engagementCode: z.string().min(1).max(256),
  correlationId: z.string().min(1).max(256),
  // A PSA's project name field has a limit (80 here); longer is refused with 400.
  name: z.string().min(1).max(80, 'At most 80 characters: the PSA project name field is that long.'),
});

export interface PsaProject {
  projectId: string;
  engagementId: string;
  engagementCode: string;
  name: string;
  status: string;
  createdAt: string;
}

export interface StartPsaOptions extends Pick<StartSimulatorOptions, 'port' | 'token' | 'host' | 'random' | 'onRequest'> {
  faults?: Partial<SimulatorFaults>;
  events?: EmitterTarget;
}

export interface RunningPsa extends RunningSimulator {
  projects: Map<string, PsaProject>;
  corrections: AppliedCorrection[];
  emitter: SimulatorEventEmitter;
}

export async function startPsaSimulator(options: StartPsaOptions): Promise<RunningPsa> {
  const projects = new Map<string, PsaProject>();
  let counter = 5000;
  const corrections: AppliedCorrection[] = [];
  const emitter = new SimulatorEventEmitter({ target: options.events, faults: () => server.faults(), random: options.random });

  // The emitter reads the knobs of the server below; it only emits once that exists.
  const server: RunningSimulator = await startSimulatorServer({
    ...options,
    name: 'psa',
    routes: [
      {
        path: 'v1/projects',
        schema: projectRequest,
        handle: (body: z.infer<typeof projectRequest>) => {
          const existing = projects.get(body.engagementId);
          if (existing) return { status: 200, body: { projectId: existing.projectId, status: 'ACTIVE' } };
          const project = { projectId: `PSA-${++counter}`, engagementId: body.engagementId, engagementCode: body.engagementCode, name: body.name, status: 'ACTIVE', createdAt: provisioningTime({ quote: body.quote, businessDated: server.faults().businessDated, now: new Date() }).toISOString() };
          projects.set(body.engagementId, project);
          emitter.emit({
            type: 'q2c.project.created.v1',
            subject: body.engagementCode,
            correlationid: body.correlationId,
            time: project.createdAt,
            data: { engagementRef: body.engagementCode, psaProjectId: project.projectId },
          });
          return { status: 202, body: { projectId: project.projectId, status: 'PROVISIONING' } };
        },
      },
      correctionRoute({
        findRecord: (type, id, externalId) => (type === 'Project' ? (projects.get(id) ?? [...projects.values()].find((p) => p.projectId === externalId)) : undefined) as Record<string, unknown> | undefined,
        fields: { Project: ['status'] },
        applied: corrections,
      }),
    ],
    state: () => ({ projects: [...projects.values()], corrections, events: { enabled: emitter.enabled, ...emitter.stats } }),
  });
  return {
    ...server,
    projects,
    corrections,
    emitter,
    stop: async () => {
      emitter.stop();
      await server.stop();
    },
  };
}
