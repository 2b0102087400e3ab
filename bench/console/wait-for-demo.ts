// Waits until the server says its demo world is loaded (GET /api/v1/health → demo), so the
// pages are measured on the living firm, not on a half-loaded one. A server that loads no
// demo (DEMO_WORLD=false) is measured as it is.
interface Health {
  demo?: { status?: string };
}

export async function waitForDemoWorld(baseUrl: string, say: (line: string) => void, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    const response = await fetch(`${baseUrl}/api/v1/health`).catch(() => undefined);
    const health = response?.ok ? ((await response.json()) as Health) : undefined;
    const status = health?.demo?.status;
    if (health && (status === undefined || status === 'loaded' || status === 'off')) return;
    if (status === 'failed') throw new Error('The demo world failed to load (see the server log).');
    if (Date.now() > deadline) throw new Error(`The demo world was not loaded after ${timeoutMs / 1000} s (status ${status ?? 'unknown'}).`);
    if (!told) say('Waiting for the demo world to load…');
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}
