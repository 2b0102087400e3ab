// RFC 9457 answers of the simulators: one error type with a status and a code, rendered
// as application/problem+json with a `type` under the simulator's own invalid host.
export class SimulatorProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly title: string = defaultTitle(status),
  ) {
    super(detail);
    this.name = 'SimulatorProblem';
  }

  toJSON(typeBase = 'https://simulator.invalid/problems'): Record<string, unknown> {
    return { type: `${typeBase}/${this.code.toLowerCase().replaceAll('_', '-')}`, title: this.title, status: this.status, detail: this.detail, code: this.code, ...this.extra };
  }
}

function defaultTitle(status: number): string {
  const titles: Record<number, string> = {
    400: 'The request is not valid',
    401: 'Missing or wrong bearer token',
    404: 'No such resource',
    405: 'Method not allowed',
    409: 'Conflict',
    413: 'Request body too large',
    422: 'Unprocessable request',
    429: 'Too many requests',
    500: 'Internal error',
    503: 'Service unavailable',
  };
  return titles[status] ?? 'Error';
}
