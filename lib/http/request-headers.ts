// What the ingest path reads from request headers. A Fetch `Headers` satisfies it (the App
// Router route), and so does the thin view over node:http's headers that the web server
// passes (lib/http/node-request.ts), which avoids building a `Headers` per request.
export type RequestHeaders = Pick<Headers, 'get' | 'has'> & Iterable<[string, string]>;
