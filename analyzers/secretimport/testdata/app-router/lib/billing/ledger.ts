import "server-only";

export const ledgerTable = "billing.ledger";
