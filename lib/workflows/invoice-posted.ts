// q2c.invoice.posted.v1 (DESIGN.md §5): the ERP confirms an invoice Threadline issued and
// names its own invoice number. The invoice is found by Threadline's id, its number, or the
// ERP's number through the crosswalk; it becomes POSTED (a paid or part-paid one keeps its
// cash status) with erpInvoiceNumber and postedAt, the ERP number is linked in the
// crosswalk (remittances quote it), and an INVOICE_NOT_CONFIRMED finding is resolved.
// An invoice Threadline does not know holds the event (INVOICE_NOT_CONFIRMED: the ERP and
// Threadline disagree on what was invoiced — integration ops looks, then replays).
import type { InvoiceStatus } from '../db/generated/enums.ts';
import type { InvoicePostedData } from '../ingest/schemas/invoice-posted.ts';
import { writeAudit } from '../services/audit/write-audit.ts';
import { linkExternalRef } from '../services/crosswalk/link-external-ref.ts';
import { resolveExternalRef } from '../services/crosswalk/resolve-external-ref.ts';
import { resolveExceptionBySystem } from '../services/exceptions/resolve-by-system.ts';
import { holdOnCrosswalkConflict } from './master-data/crosswalk-hold.ts';
import { masterDataSender } from './master-data/sender.ts';
import { WorkflowHold, type Tx, type Workflow, type WorkflowOutcome } from './workflow.ts';

export const INVOICE_POSTED_V1 = 'q2c.invoice.posted.v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const invoicePostedWorkflow: Workflow<InvoicePostedData> = {
  type: INVOICE_POSTED_V1,
  async handle(event, context): Promise<WorkflowOutcome> {
    const { tx, now } = context;
    const { data } = event;
    const sender = masterDataSender(context);
    const id = await findInvoice(tx, sender.system, data.invoiceId);
    if (!id) {
      throw new WorkflowHold({
        code: 'INVOICE_NOT_CONFIRMED',
        entityType: 'Invoice',
        entityId: data.invoiceId,
        title: `${sender.system} posted invoice "${data.invoiceId}" (${data.erpInvoiceNumber}), which Threadline did not issue`,
        details: { erpInvoiceNumber: data.erpInvoiceNumber, system: sender.system },
      });
    }
    const [invoice] = await tx.$queryRaw<{ id: string; status: InvoiceStatus; number: string | null; erpInvoiceNumber: string | null; postedAt: Date | null; correlationId: string }[]>`
      SELECT id::text, status::text, number, "erpInvoiceNumber", "postedAt", "correlationId" FROM "Invoice" WHERE id = ${id}::uuid FOR UPDATE`;
    if (!invoice) throw new Error(`Invoice ${id} vanished`);
    if (invoice.status === 'DRAFT' || invoice.status === 'AWAITING_TAX') {
      return { status: 'ignored', note: `Invoice ${id} is not issued yet (${invoice.status}); the ERP cannot have posted it.` };
    }
    const postedAt = new Date(data.postedAt);
    if (invoice.erpInvoiceNumber === data.erpInvoiceNumber && invoice.postedAt?.getTime() === postedAt.getTime()) return { status: 'applied', note: 'No change.' };

    await holdOnCrosswalkConflict({ code: 'INVOICE_NOT_CONFIRMED', entityType: 'Invoice', entityId: id }, () =>
      linkExternalRef(tx, { system: sender.system, entityType: 'Invoice', externalId: data.erpInvoiceNumber, entityId: id }),
    );
    // Cash may have arrived before the confirmation; its status says more than POSTED would.
    const status: InvoiceStatus = invoice.status === 'ISSUED' ? 'POSTED' : invoice.status;
    await tx.invoice.update({ where: { id }, data: { status, erpInvoiceNumber: data.erpInvoiceNumber, postedAt } });
    await writeAudit(tx, {
      actor: sender.actor,
      entityType: 'Invoice',
      entityId: id,
      action: 'invoice.posted',
      before: { status: invoice.status, erpInvoiceNumber: invoice.erpInvoiceNumber, postedAt: invoice.postedAt },
      after: { status, erpInvoiceNumber: data.erpInvoiceNumber, postedAt },
      correlationId: invoice.correlationId,
      eventId: event.inboxEventId,
      at: now,
    });
    await resolveExceptionBySystem(tx, { code: 'INVOICE_NOT_CONFIRMED', entityType: 'Invoice', entityId: id, resolution: `${sender.system} confirmed it as ${data.erpInvoiceNumber}.`, now });
    return { status: 'applied', note: `Invoice ${invoice.number ?? id} posted in ${sender.system} as ${data.erpInvoiceNumber}${invoice.status === 'VOID' ? ' (it is void in Threadline)' : ''}.` };
  },
};

async function findInvoice(tx: Tx, system: string, ref: string): Promise<string | null> {
  if (UUID.test(ref)) {
    const byId = await tx.invoice.findUnique({ where: { id: ref }, select: { id: true } });
    if (byId) return byId.id;
  }
  const byNumber = await tx.invoice.findFirst({ where: { number: ref }, select: { id: true } });
  if (byNumber) return byNumber.id;
  return resolveExternalRef(tx, { system, entityType: 'Invoice', externalId: ref });
}
