// Who is making a request: a person, through their browser session or one of their
// personal API tokens. Connected systems authenticate differently (connector tokens).
import type { Role } from '../db/generated/enums.ts';

export interface Principal {
  kind: 'user';
  userId: string;
  email: string;
  name: string;
  role: Role;
  via: 'session' | 'token';
}
