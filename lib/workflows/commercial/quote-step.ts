// What every step of quote acceptance works with.
import type { QuoteAcceptedData } from '../../ingest/schemas/quote-accepted.ts';
import type { MasterDataSender } from '../master-data/sender.ts';
import type { Tx, WorkflowEvent } from '../workflow.ts';
import type { QuoteHoldTarget } from './quote-hold.ts';

export interface QuoteStep {
  tx: Tx;
  event: WorkflowEvent<QuoteAcceptedData>;
  data: QuoteAcceptedData;
  sender: MasterDataSender;
  now: Date;
  target: QuoteHoldTarget;
}
