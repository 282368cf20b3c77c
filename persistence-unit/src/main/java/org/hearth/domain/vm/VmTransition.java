package org.hearth.domain.vm;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.hearth.domain.persistence.ServerOrigin;

/** One step of a VM's state history: when, from what, to what, and why. */
@Embeddable
public class VmTransition {

  @Enumerated(EnumType.STRING)
  @Column(name = "from_state")
  private VmState from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_state", nullable = false)
  private VmState to;

  @Column(name = "at", nullable = false)
  private Instant at;

  @Column(name = "cause", nullable = false)
  private String cause;

  /** The server that wrote it, for the VM feed. */
  @Column(name = "origin", nullable = false, updatable = false)
  private String origin;

  protected VmTransition() {}

  VmTransition(VmState from, VmState to, Instant at, String cause) {
    this.from = from;
    this.to = to;
    this.at = at;
    this.cause = cause;
    this.origin = ServerOrigin.ID;
  }

  public VmState from() {
    return from;
  }

  public VmState to() {
    return to;
  }

  public Instant at() {
    return at;
  }

  public String cause() {
    return cause;
  }
}
