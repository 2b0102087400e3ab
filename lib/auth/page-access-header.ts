/** Set by proxy.ts on every page request so server code knows where the person was going. */
export const REQUEST_PATH_HEADER = 'x-threadline-path';
