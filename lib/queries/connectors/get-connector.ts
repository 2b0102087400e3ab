// One connector by code, without credentials; NOT_FOUND when there is none.
import { db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { connectorViewSelect, toConnectorView, type ConnectorView } from './connector-view.ts';

export async function getConnector(options: { code: string; now?: Date }): Promise<ConnectorView> {
  const { code, now = new Date() } = options;
  const row = await db().connector.findUnique({ where: { code }, select: connectorViewSelect });
  if (!row) throw new AppError('NOT_FOUND', `There is no connector with code ${code}.`);
  return toConnectorView(row, now);
}
