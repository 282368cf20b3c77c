package org.hearth.interfaces.rest.billing;

import java.time.Instant;
import java.util.List;
import org.hearth.application.billing.Balances;

/** Ledger entries of an account over a time range. */
public class LedgerResponse {
  public Instant from;
  public Instant to;

  /** Whether entries before {@link #from} (of the range asked for) were left out. */
  public boolean truncated;

  public List<Entry> entries;

  /** One entry: which of my accounts changed by how much, in which movement. */
  public static class Entry {
    public Instant at;
    public String movement;
    public String account;
    public long amount;
    public String reference;
    public String key;
  }

  static LedgerResponse of(Balances.Page page, Instant to) {
    LedgerResponse r = new LedgerResponse();
    r.from = page.from();
    r.to = to;
    r.truncated = page.truncated();
    r.entries =
        page.entries().stream()
            .map(
                v -> {
                  Entry e = new Entry();
                  e.at = v.at();
                  e.movement = v.movementType();
                  e.account = v.accountType().name();
                  e.amount = v.amount();
                  e.reference = v.reference();
                  e.key = v.idempotencyKey();
                  return e;
                })
            .toList();
    return r;
  }
}
