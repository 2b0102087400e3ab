// The events the ingest benchmark sends: q2c.employee.updated.v1 from the demo HCM
// connector, padded with the kind of fields a real HCM sends (kept: the schema is loose)
// so that one event is about 1 KB of JSON — the same payload size as the pgbench baseline.
export const HCM_SOURCE = '/demo/hcm';
export const EMPLOYEE_UPDATED = 'q2c.employee.updated.v1';

export function employeeEvent(id: string, employeeId: string): Record<string, unknown> {
  return {
    specversion: '1.0',
    id,
    source: HCM_SOURCE,
    type: EMPLOYEE_UPDATED,
    subject: employeeId,
    time: new Date().toISOString(),
    sequence: 1,
    datacontenttype: 'application/json',
    data: {
      employeeId,
      name: `Consultant ${employeeId}`,
      costRate: '85.50',
      currency: 'USD',
      costCenter: 'US01-ADV',
      email: `${employeeId.toLowerCase()}@consulting-group.example`,
      title: 'Senior Consultant, Advisory',
      department: 'Advisory Services',
      location: { office: 'New York', country: 'US', region: 'US-NY', timeZone: 'America/New_York' },
      manager: { employeeId: 'E-000042', name: 'Morgan Ellis' },
      employmentType: 'FULL_TIME',
      hireDate: '2021-09-13',
      standardHoursPerWeek: 40,
      skills: ['financial-modelling', 'erp-implementation', 'process-design', 'change-management'],
      certifications: [{ name: 'CPA', issuedBy: 'AICPA', validUntil: '2027-12-31' }],
      hcmRecord: { system: 'Workday', recordId: `WD-${employeeId}`, version: 7, lastModifiedBy: 'hr-integration', lastModifiedAt: '2026-03-01T10:00:00Z' },
    },
  };
}

/** The compact JSON of one event, as stored in the inbox (the pgbench baseline stores the same). */
export const samplePayload = (): string => JSON.stringify(employeeEvent('00000000-0000-4000-8000-000000000000', 'E-000001'));
