package org.hearth.domain.node;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.protocol.money.Money;

/** A provider's machine, registered under the Nostr key of its node agent. */
@Entity
@Table(name = "node")
public class Node {

  @Id private String id;

  @Column(name = "pubkey", nullable = false, updatable = false)
  private String pubkey;

  @Column(name = "machine_id", nullable = false, updatable = false)
  private String machineId;

  @Column(name = "region")
  private String region;

  @Column(name = "description")
  private String description;

  @Column(name = "arch", nullable = false)
  private String arch;

  @Column(name = "cores", nullable = false)
  private int cores;

  @Column(name = "memory_mib", nullable = false)
  private long memoryMib;

  @Column(name = "disk_gib", nullable = false)
  private long diskGib;

  @Column(name = "compute_points", nullable = false)
  private long computePoints;

  @Column(name = "price_per_point_hour", nullable = false)
  private Money pricePerPointHour;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private NodeStatus status;

  @Column(name = "registered_at", nullable = false, updatable = false)
  private Instant registeredAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "last_heartbeat_at")
  private Instant lastHeartbeatAt;

  @Column(name = "downtime_counted_until")
  private Instant downtimeCountedUntil;

  @Embedded private NodeLoad load;

  @ElementCollection
  @CollectionTable(name = "node_tag", joinColumns = @JoinColumn(name = "node_id"))
  @OrderColumn(name = "position")
  @Column(name = "tag")
  private List<String> tags = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "node_gpu", joinColumns = @JoinColumn(name = "node_id"))
  @OrderColumn(name = "position")
  @AttributeOverride(name = "model", column = @Column(name = "model"))
  private List<Gpu> gpus = new ArrayList<>();

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Node() {}

  /** A newly registered node: offline until its first heartbeat. */
  public Node(String pubkey, String machineId, NodeProfile profile, Instant now) {
    this.id = NodeId.of(machineId, pubkey);
    this.pubkey = pubkey;
    this.machineId = machineId;
    this.status = NodeStatus.OFFLINE;
    this.registeredAt = now;
    apply(profile, now);
  }

  /** Replaces what the node says about itself; identity, status and history stay. */
  public void apply(NodeProfile profile, Instant now) {
    this.region = profile.region();
    this.tags = new ArrayList<>(profile.tags());
    this.description = profile.description();
    this.arch = profile.arch();
    this.cores = profile.cores();
    this.memoryMib = profile.memoryMib();
    this.diskGib = profile.diskGib();
    this.gpus = new ArrayList<>(profile.gpus());
    this.computePoints = profile.computePoints();
    this.pricePerPointHour = profile.pricePerPointHour();
    this.updatedAt = now;
  }

  /** A heartbeat brings the node online and records its load. */
  public void heartbeat(NodeLoad load, Instant now) {
    this.load = load;
    this.lastHeartbeatAt = now;
    this.status = NodeStatus.ONLINE;
  }

  /** The instant the node was last known to be alive: its last heartbeat, or its registration. */
  public Instant lastSeenAt() {
    return lastHeartbeatAt != null ? lastHeartbeatAt : registeredAt;
  }

  /** Moves the downtime claim forward once the missed heartbeats up to {@code until} are stored. */
  public void downtimeCountedUntil(Instant until) {
    this.downtimeCountedUntil = until;
  }

  public boolean isOwnedBy(String key) {
    return pubkey.equals(key);
  }

  public String id() {
    return id;
  }

  public String pubkey() {
    return pubkey;
  }

  public String machineId() {
    return machineId;
  }

  public String region() {
    return region;
  }

  public String description() {
    return description;
  }

  public String arch() {
    return arch;
  }

  public int cores() {
    return cores;
  }

  public long memoryMib() {
    return memoryMib;
  }

  public long diskGib() {
    return diskGib;
  }

  public long computePoints() {
    return computePoints;
  }

  public Money pricePerPointHour() {
    return pricePerPointHour;
  }

  public NodeStatus status() {
    return status;
  }

  public Instant registeredAt() {
    return registeredAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant lastHeartbeatAt() {
    return lastHeartbeatAt;
  }

  public Instant downtimeCountedUntil() {
    return downtimeCountedUntil;
  }

  public NodeLoad load() {
    return load;
  }

  public List<String> tags() {
    return List.copyOf(tags);
  }

  public List<Gpu> gpus() {
    return List.copyOf(gpus);
  }
}
