// The worker writes a heartbeat row every few seconds; /api/v1/health reads the
// freshest one to say whether background processing is alive.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../db/client.ts';

export function newWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export async function beat(prisma: PrismaClient, workerId: string, startedAt: Date): Promise<void> {
  const now = new Date();
  await prisma.workerHeartbeat.upsert({
    where: { workerId },
    create: { workerId, hostname: os.hostname(), pid: process.pid, startedAt, beatAt: now },
    update: { beatAt: now },
  });
}

export async function removeHeartbeat(prisma: PrismaClient, workerId: string): Promise<void> {
  await prisma.workerHeartbeat.deleteMany({ where: { workerId } });
}
