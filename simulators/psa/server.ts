// The simulated PSA (Kantata/Certinia-like, simplified) on the simulator kit: it accepts
// a project for an engagement shell at once (202, provisioning) and, after the
// emitDelayMs knob, emits q2c.project.created.v1 with its project id, which activates the
// engagement in Threadline. A second request for the same engagement (another key) gets
// the same project: the PSA upserts by Threadline's engagement id.
//   POST /v1/projects → 202 {projectId, status: PROVISIONING}   (200 when it already exists)
// Plus /health and /_control (kit/server.ts); GET /_control shows the projects.
import { z } from 'zod';
import { SimulatorEventEmitter, type EmitterTarget } from '../kit/event-emitter.ts';
import type { SimulatorFaults } from '../kit/faults.ts';
import { startSimulatorServer, type RunningSimulator, type StartSimulatorOptions } from '../kit/server.ts';

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
  createdAt: string;
}

export interface StartPsaOptions extends Pick<StartSimulatorOptions, 'port' | 'token' | 'host' | 'random' | 'onRequest'> {
  faults?: Partial<SimulatorFaults>;
  events?: EmitterTarget;
}

export interface RunningPsa extends RunningSimulator {
  projects: Map<string, PsaProject>;
  emitter: SimulatorEventEmitter;
}

export async function startPsaSimulator(options: StartPsaOptions): Promise<RunningPsa> {
  const projects = new Map<string, PsaProject>();
  let counter = 5000;
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
          const project = { projectId: `PSA-${++counter}`, engagementId: body.engagementId, engagementCode: body.engagementCode, name: body.name, createdAt: new Date().toISOString() };
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
    ],
    state: () => ({ projects: [...projects.values()], events: { enabled: emitter.enabled, ...emitter.stats } }),
  });
  return {
    ...server,
    projects,
    emitter,
    stop: async () => {
      emitter.stop();
      await server.stop();
    },
  };
}
