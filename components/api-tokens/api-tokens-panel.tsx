'use client';
// The API tokens page's interactive part: create a token (shown once), list and revoke.
import { useState } from 'react';
import { CreateTokenForm, type CreateApiToken } from './create-token-form';
import { NewTokenNotice, type NewToken } from './new-token-notice';
import { TokensTable, type RevokeApiToken } from './tokens-table';

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  status: 'active' | 'expired' | 'revoked';
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

// The server actions come in as props so that components/ never imports from app/.
export function ApiTokensPanel({ tokens, createAction, revokeAction }: { tokens: ApiTokenRow[]; createAction: CreateApiToken; revokeAction: RevokeApiToken }) {
  const [created, setCreated] = useState<NewToken | null>(null);
  return (
    <div className="space-y-8">
      {created ? <NewTokenNotice token={created} onDismiss={() => setCreated(null)} /> : null}
      <CreateTokenForm createAction={createAction} onCreated={setCreated} />
      <TokensTable tokens={tokens} revokeAction={revokeAction} />
    </div>
  );
}
