// Adding an inbound signing secret: generated here (or issued by the sender, like Stripe's
// whsec_… for a webhook endpoint), stored encrypted with the
// application key, identified by its fingerprint. The plaintext goes back to the caller
// once and nowhere else.
import { applicationSecretKey } from '../../crypto/application-key.ts';
import { encryptSecret } from '../../crypto/secret-box.ts';
import type { Prisma } from '../../db/client.ts';
import { generateSigningSecret, secretFingerprint } from '../../ingest/auth/connector-credentials.ts';

export interface AddedSigningSecret {
  id: string;
  fingerprint: string;
  /** Shown once. */
  signingSecret: string;
}

export async function addSigningSecret(tx: Prisma.TransactionClient, options: { connectorId: string; now: Date; secret?: string }): Promise<AddedSigningSecret> {
  const signingSecret = options.secret ?? generateSigningSecret();
  const fingerprint = secretFingerprint(signingSecret);
  const row = await tx.connectorSecret.create({
    data: {
      connectorId: options.connectorId,
      purpose: 'INBOUND_SIGNING',
      encryptedSecret: encryptSecret(signingSecret, applicationSecretKey()),
      fingerprint,
      activeFrom: options.now,
      createdAt: options.now,
    },
    select: { id: true },
  });
  return { id: row.id, fingerprint, signingSecret };
}
