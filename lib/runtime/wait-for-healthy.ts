// Polls the health endpoint until it answers 200, or fails with the last reason it gave.

export async function waitForHealthy(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastReason = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (response.ok) return;
      const body = (await response.json().catch(() => ({}))) as { detail?: string };
      lastReason = body.detail ?? `HTTP ${response.status}`;
    } catch (error) {
      lastReason = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Threadline did not become healthy within ${Math.round(timeoutMs / 1000)} s: ${lastReason}.`);
}
