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
import org.hearth.application.identity.Sessions;
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
  @Inject Sessions sessions;
  @Inject Clock clock;

  @PersistenceContext(unitName = "hearth")
  EntityManager em;

  /** A ticket and when it stops working. */
  public record Issued(String ticket, Instant expiresAt) {}

  /**
   * Issues a ticket for a running VM to its owner or a member.
   *
   * @param sessionId the session the request came with, or null for a signed request: a terminal
   *     opened with the ticket ends when that session does
   */
  public Issued issue(String accountId, String sessionId, String vmId) {
    Vm vm = vms.forTerminal(accountId, vmId);
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String ticket = Hex.encode(secret);
    Instant expiresAt = clock.instant().plus(VALIDITY);
    em.persist(new TerminalTicket(hash(ticket), vm.id(), accountId, sessionId, expiresAt));
    em.createQuery("DELETE FROM TerminalTicket t WHERE t.expiresAt < :now")
        .setParameter("now", clock.instant())
        .executeUpdate();
    return new Issued(ticket, expiresAt);
  }

  /** What a redeemed ticket opens: a VM's node, for an account, maybe within a session. */
  public record Redeemed(String nodeId, String accountId, String sessionId) {}

  /**
   * Uses up a ticket.
   *
   * @return the node the VM runs on and whom for, when the ticket is valid for this running VM and
   *     its account may still open the VM's terminals within the session it was issued in (a member
   *     removed, or a session revoked, since the ticket was issued gets none)
   */
  public Optional<Redeemed> redeem(String vmId, String ticket) {
    if (ticket == null || !Hex.isLowercaseHex(ticket, 32)) {
      return Optional.empty();
    }
    TerminalTicket stored =
        em.find(TerminalTicket.class, hash(ticket), LockModeType.PESSIMISTIC_WRITE);
    if (stored == null) {
      return Optional.empty();
    }
    em.remove(stored);
    if (!stored.vmId().equals(vmId)
        || stored.expiresAt().isBefore(clock.instant())
        || !vms.mayOpenTerminal(stored.accountId(), vmId)
        || (stored.sessionId() != null && !sessions.isActive(stored.sessionId()))) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(Vm.class, vmId))
        .filter(vm -> vm.state() == VmState.RUNNING)
        .map(vm -> new Redeemed(vm.nodeId(), stored.accountId(), stored.sessionId()));
  }

  private static String hash(String ticket) {
    return Hex.encode(Sha256.hash(ticket.getBytes(StandardCharsets.UTF_8)));
  }
}
