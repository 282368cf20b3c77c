package org.hearth.application.compute;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.hearth.protocol.nostr.NostrKeyPair;

/**
 * The key the marketplace signs its bids, statuses and review records with: {@code
 * hearth.compute.secret-key}, else one made on first start and kept in the database.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MarketplaceKey {

  private static final System.Logger LOG = System.getLogger(MarketplaceKey.class.getName());

  @EJB NostrIdentities identities;
  @Inject ComputeSettings settings;

  private volatile NostrKeyPair pair;

  @PostConstruct
  void load() {
    String secret = settings.secretKey().orElseGet(this::kept);
    pair = NostrKeyPair.fromSecretKeyHex(secret);
    LOG.log(System.Logger.Level.INFO, "The marketplace signs as {0}", pair.publicKeyHex());
  }

  private String kept() {
    try {
      return identities.loadOrCreate("marketplace");
    } catch (RuntimeException lostTheRace) {
      return identities.loadOrCreate("marketplace");
    }
  }

  public NostrKeyPair pair() {
    return pair;
  }

  public String publicKeyHex() {
    return pair.publicKeyHex();
  }
}
