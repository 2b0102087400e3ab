// GET /api/v1/me: who am I — the caller's identity, role and permissions.
import { permissionsFor, roleLabels } from '@/lib/auth/permissions';
import { apiRoute } from '@/lib/http/api-route';

export const GET = apiRoute({
  handler: ({ principal }) => ({
    id: principal.userId,
    email: principal.email,
    name: principal.name,
    role: principal.role,
    roleLabel: roleLabels[principal.role],
    permissions: permissionsFor(principal.role),
    authenticatedVia: principal.via,
  }),
});
