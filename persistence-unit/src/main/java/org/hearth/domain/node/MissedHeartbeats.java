package org.hearth.domain.node;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** How many heartbeat intervals a node missed on one UTC day. */
@Entity
@Table(name = "node_missed_heartbeats")
public class MissedHeartbeats {

  /** Node and UTC day. */
  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "node_id")
    private String nodeId;

    @Column(name = "utc_day")
    private LocalDate day;

    protected Key() {}

    public Key(String nodeId, LocalDate day) {
      this.nodeId = nodeId;
      this.day = day;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && nodeId.equals(k.nodeId) && day.equals(k.day);
    }

    @Override
    public int hashCode() {
      return Objects.hash(nodeId, day);
    }
  }

  @EmbeddedId private Key key;

  @Column(name = "missed", nullable = false)
  private long missed;

  protected MissedHeartbeats() {}

  public MissedHeartbeats(String nodeId, LocalDate day) {
    this.key = new Key(nodeId, day);
  }

  public void add(long intervals) {
    missed = Math.addExact(missed, intervals);
  }

  public long missed() {
    return missed;
  }
}
