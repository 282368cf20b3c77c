package org.hearth.interfaces.rest.billing;

import java.util.List;
import org.hearth.domain.billing.LedgerStore.LedgerEntryView;

/** Ledger entries as RFC 4180 CSV. */
final class LedgerCsv {

  private LedgerCsv() {}

  static String of(List<LedgerEntryView> entries) {
    StringBuilder csv = new StringBuilder("at,movement,account,amount,reference,key\r\n");
    for (LedgerEntryView e : entries) {
      csv.append(e.at())
          .append(',')
          .append(e.movementType())
          .append(',')
          .append(e.accountType())
          .append(',')
          .append(e.amount())
          .append(',')
          .append(field(e.reference()))
          .append(',')
          .append(field(e.idempotencyKey()))
          .append("\r\n");
    }
    return csv.toString();
  }

  /** Quotes a field when it holds a comma, quote or line break. */
  private static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
