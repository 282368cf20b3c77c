package org.hearth.application.vm;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hearth.domain.vm.TerminalTicket;
import org.hearth.domain.vm.Vm;
import org.hearth.domain.vm.VmState;
import org.hearth.protocol.nostr.Hex;
import org.hearth.protocol.nostr.Sha256;

/**
 * One-time tickets that let a browser open a terminal WebSocket (which cannot carry a signed
 * header). Only the hash of a ticket is stored; redeeming deletes it, so it works once, within 30
 * seconds, on any server of the cluster.
 */
@Stateless
public class TerminalTickets {

  static final Duration VALIDITY = Duration.ofSeconds(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject VmService vms;
  @Inject Clock clock;

  @PersistenceContext(unitName = "hearth")
  EntityManager em;

  /** A ticket and when it stops working. */
  public record Issued(String ticket, Instant expiresAt) {}

  /** Issues a ticket for the owner's running VM. */
  public Issued issue(String ownerPubkey, String vmId) {
    Vm vm = vms.running(ownerPubkey, vmId);
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String ticket = Hex.encode(secret);
    Instant expiresAt = clock.instant().plus(VALIDITY);
    em.persist(new TerminalTicket(hash(ticket), vm.id(), expiresAt));
    em.createQuery("DELETE FROM TerminalTicket t WHERE t.expiresAt < :now")
        .setParameter("now", clock.instant())
        .executeUpdate();
    return new Issued(ticket, expiresAt);
  }

  /**
   * Uses up a ticket.
   *
   * @return the node the VM runs on, when the ticket is valid for this running VM
   */
  public Optional<String> redeem(String vmId, String ticket) {
    if (ticket == null || !Hex.isLowercaseHex(ticket, 32)) {
      return Optional.empty();
    }
    TerminalTicket stored =
        em.find(TerminalTicket.class, hash(ticket), LockModeType.PESSIMISTIC_WRITE);
    if (stored == null) {
      return Optional.empty();
    }
    em.remove(stored);
    if (!stored.vmId().equals(vmId) || stored.expiresAt().isBefore(clock.instant())) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(Vm.class, vmId))
        .filter(vm -> vm.state() == VmState.RUNNING)
        .map(Vm::nodeId);
  }

  private static String hash(String ticket) {
    return Hex.encode(Sha256.hash(ticket.getBytes(StandardCharsets.UTF_8)));
  }
}
