package org.hearth.interfaces.rest.billing;

import java.time.Instant;
import org.hearth.domain.billing.Charge;

/**
 * One billing period of a VM: what was held in advance and, once settled, the seconds billed, the
 * charge and the platform's fee in it (the rest of the hold went back to the tenant).
 */
public class ChargeResponse {
  public Instant periodStart;
  public Instant periodEnd;
  public String nodeId;
  public long pricePerHour;
  public long held;
  public boolean settled;
  public Long billedSeconds;
  public Long charged;
  public Long fee;

  public static ChargeResponse of(Charge c) {
    ChargeResponse r = new ChargeResponse();
    r.periodStart = c.periodStart();
    r.periodEnd = c.periodEnd();
    r.nodeId = c.nodeId();
    r.pricePerHour = c.pricePerHour();
    r.held = c.held();
    r.settled = c.charged() != null;
    r.billedSeconds = c.billedSeconds();
    r.charged = c.charged();
    r.fee = c.fee();
    return r;
  }
}
