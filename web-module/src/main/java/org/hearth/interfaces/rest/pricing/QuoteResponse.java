package org.hearth.interfaces.rest.pricing;

import java.util.List;
import org.hearth.application.billing.PriceBreakdown;
import org.hearth.application.scheduling.Quotes;

/**
 * The answer of {@code POST /api/quotes}; every amount is in the settlement asset's smallest unit.
 */
public class QuoteResponse {

  /** The billing period {@code pricePerPeriod} is for, ISO-8601 (e.g. {@code PT10M}). */
  public String billingPeriod;

  public long billingPeriodSeconds;

  /** Cheapest first; for a named node, that node alone. */
  public List<Entry> quotes;

  /** Why no node could take the spec now, when {@link #quotes} is empty. */
  public String explanation;

  /** One node's price for the spec. */
  public static class Entry {
    public String nodeId;
    public String region;

    /** Whether the node could host the VM now (always true in a list of cheapest nodes). */
    public boolean canHostNow;

    /** Why it could not, or null. */
    public String reason;

    /** The full hourly price: {@code breakdown.total}. Null when the node's prices overflow. */
    public Long pricePerHour;

    /** ⌈pricePerHour × billingPeriodSeconds / 3600⌉: what one billing period holds. */
    public Long pricePerPeriod;

    public Breakdown breakdown;
  }

  /** The hourly price part by part, each rounded up on its own. */
  public static class Breakdown {
    public long compute;
    public long memory;
    public long disk;
    public long gpu;
    public long total;

    static Breakdown of(PriceBreakdown b) {
      Breakdown r = new Breakdown();
      r.compute = b.compute().amount();
      r.memory = b.memory().amount();
      r.disk = b.disk().amount();
      r.gpu = b.gpu().amount();
      r.total = b.total().amount();
      return r;
    }
  }

  static QuoteResponse of(Quotes.Result result) {
    QuoteResponse r = new QuoteResponse();
    r.billingPeriod = result.billingPeriod().toString();
    r.billingPeriodSeconds = result.billingPeriod().getSeconds();
    r.explanation = result.explanation();
    r.quotes = result.quotes().stream().map(QuoteResponse::entry).toList();
    return r;
  }

  private static Entry entry(Quotes.Quote quote) {
    Entry e = new Entry();
    e.nodeId = quote.nodeId();
    e.region = quote.region();
    e.canHostNow = quote.refusal() == null;
    e.reason = quote.refusal();
    if (quote.breakdown() != null) {
      e.breakdown = Breakdown.of(quote.breakdown());
      e.pricePerHour = quote.breakdown().total().amount();
      e.pricePerPeriod = quote.pricePerPeriod().amount();
    }
    return e;
  }
}
