/** The random transaction tables the SQL equality tests run on the engine and on the databases. */
import type { MethodId } from '../../src/engine';

/** One transaction row (null: a blank cell). */
export interface Tx {
  customer: string | null;
  day: number | null;
  amount: number | null;
  invoice: string | null;
}

/** A table and how it is classified. */
export interface Case {
  rows: Tx[];
  withInvoice: boolean;
  asOf: number | null;
  returns: 'net' | 'drop';
  method: MethodId;
  params: Record<string, unknown>;
}
