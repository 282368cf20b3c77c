package org.hearth.application.compute;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;
import org.hearth.application.billing.BillingSettings;
import org.hearth.protocol.compute.Tier;

/**
 * Publishes the marketplace's compute capabilities (kind 10032) once the server has started: the
 * kinds it takes, runtimes, tiers and billing, so a client learns how to rent here from the relay
 * alone.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigrator", "MarketplaceKey"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CapabilitiesPublisher {

  private static final System.Logger LOG = System.getLogger(CapabilitiesPublisher.class.getName());

  private static final int[] ANSWERED = {
    ComputeKinds.JOB_REQUEST,
    ComputeKinds.BID_ACCEPTANCE,
    ComputeKinds.FEEDBACK,
    ComputeKinds.ATTESTATION
  };

  @Resource TimerService timers;
  @EJB MarketEvents events;
  @Inject BillingSettings billing;

  @PostConstruct
  void schedule() {
    timers.createSingleActionTimer(0, new TimerConfig("compute-capabilities", false));
  }

  @Timeout
  void publish() {
    List<List<String>> tags = new ArrayList<>();
    for (int kind : ANSWERED) {
      tags.add(List.of("k", Integer.toString(kind)));
    }
    JsonArrayBuilder tiers = Json.createArrayBuilder();
    for (Tier tier : Tier.values()) {
      tiers.add(tier.name());
    }
    try {
      events.capabilities(
          tags,
          Json.createObjectBuilder()
              .add("spec", "docs/nip-compute.md")
              .add("runtimes", Json.createArrayBuilder().add("sandbox"))
              .add("tiers", tiers)
              .add("billingPeriodSeconds", billing.period().toSeconds())
              .add("currency", "USDC")
              .add("amountUnit", "0.000001")
              .build());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Capabilities not published: {0}", e.toString());
    }
  }
}
