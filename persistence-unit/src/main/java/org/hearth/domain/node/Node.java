package org.hearth.domain.node;

import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.toSet;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hearth.domain.persistence.StringListConverter;
import org.hearth.protocol.compute.ProviderPolicy;
import org.hearth.protocol.compute.Tier;
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

  @Column(name = "price_per_memory_gib_hour", nullable = false)
  private Money pricePerMemoryGibHour;

  @Column(name = "price_per_disk_gib_hour", nullable = false)
  private Money pricePerDiskGibHour;

  @Column(name = "price_per_gpu_hour", nullable = false)
  private Money pricePerGpuHour;

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

  /** Host programs the node's VMs can run, sorted, as its agent last reported them. */
  @Convert(converter = StringListConverter.class)
  @Column(name = "host_tools", nullable = false)
  private List<String> hostTools = new ArrayList<>();

  @Column(name = "policy_tiers", nullable = false)
  private String policyTiers;

  @Column(name = "policy_runtimes", nullable = false)
  private String policyRuntimes;

  @Column(name = "policy_command_patterns", nullable = false)
  private String policyCommandPatterns;

  @Column(name = "policy_max_vms", nullable = false)
  private int policyMaxVms;

  @Column(name = "policy_outbound_network", nullable = false)
  private boolean policyOutboundNetwork;

  @Column(name = "reserved_cores", nullable = false)
  private int reservedCores;

  @Column(name = "reserved_memory_mib", nullable = false)
  private long reservedMemoryMib;

  @Column(name = "reserved_disk_gib", nullable = false)
  private long reservedDiskGib;

  @Column(name = "allocated_core_shares", nullable = false)
  private long allocatedCoreShares;

  @Column(name = "allocated_memory_mib", nullable = false)
  private long allocatedMemoryMib;

  @Column(name = "allocated_disk_gib", nullable = false)
  private long allocatedDiskGib;

  @Column(name = "allocated_gpus", nullable = false)
  private int allocatedGpus;

  @Column(name = "allocated_vms", nullable = false)
  private int allocatedVms;

  @Column(name = "total_vms_hosted", nullable = false)
  private long totalVmsHosted;

  @Column(name = "successful_completions", nullable = false)
  private long successfulCompletions;

  /** The key the node's registration names as its operator's, or null. */
  @Column(name = "operator_key")
  private String operatorKey;

  /** The account that holds {@link #operatorKey} and claimed the node, or null until then. */
  @Column(name = "operator_account_id")
  private String operatorAccountId;

  /** When the operator last edited the listing; from then on registrations leave it alone. */
  @Column(name = "listing_edited_at")
  private Instant listingEditedAt;

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
    if (listingEditedAt == null) {
      this.region = profile.region();
      this.tags = new ArrayList<>(profile.tags());
      this.description = profile.description();
      setPrices(profile.prices());
    }
    this.arch = profile.arch();
    this.cores = profile.cores();
    this.memoryMib = profile.memoryMib();
    this.diskGib = profile.diskGib();
    this.gpus = new ArrayList<>(profile.gpus());
    this.computePoints = profile.computePoints();
    this.hostTools = new ArrayList<>(profile.hostTools());
    ProviderPolicy policy = profile.policy();
    this.policyTiers = policy.tiers().stream().map(Tier::name).sorted().collect(joining(","));
    this.policyRuntimes = policy.runtimes().stream().sorted().collect(joining(","));
    this.policyCommandPatterns = String.join("\n", policy.commandPatterns());
    this.policyMaxVms = policy.maxVms();
    this.policyOutboundNetwork = policy.outboundNetwork();
    this.reservedCores = policy.reserved().cores();
    this.reservedMemoryMib = policy.reserved().memoryMiB();
    this.reservedDiskGib = policy.reserved().diskGiB();
    this.updatedAt = now;
  }

  /**
   * The registration names its operator's key (null for none). Naming another key drops the claim:
   * the node belongs to no account until the new key's account claims it.
   */
  public void nameOperator(String key) {
    if (!Objects.equals(key, operatorKey)) {
      operatorKey = key;
      operatorAccountId = null;
    }
  }

  /**
   * The account {@code accountId}, which holds the named operator key, confirms it operates this
   * node.
   */
  public void claimBy(String accountId) {
    operatorAccountId = accountId;
  }

  public boolean isOperatedBy(String accountId) {
    return operatorAccountId != null && operatorAccountId.equals(accountId);
  }

  /** The operator changes the listing; a null field stays as it is. */
  public void editListing(NodeListing listing, Instant now) {
    if (listing.region() != null) {
      region = listing.region().isEmpty() ? null : listing.region();
    }
    if (listing.tags() != null) {
      tags = new ArrayList<>(listing.tags());
    }
    if (listing.description() != null) {
      description = listing.description().isEmpty() ? null : listing.description();
    }
    setPrices(listing.pricesOver(priceList()));
    listingEditedAt = now;
    updatedAt = now;
  }

  private void setPrices(PriceList prices) {
    pricePerPointHour = prices.perPointHour();
    pricePerMemoryGibHour = prices.perMemoryGibHour();
    pricePerDiskGibHour = prices.perDiskGibHour();
    pricePerGpuHour = prices.perGpuHour();
  }

  public String operatorKey() {
    return operatorKey;
  }

  public String operatorAccountId() {
    return operatorAccountId;
  }

  /** What the provider lets run here, as its agent reported it. */
  public ProviderPolicy policy() {
    return new ProviderPolicy(
        Arrays.stream(policyTiers.split(","))
            .filter(t -> !t.isEmpty())
            .map(Tier::valueOf)
            .collect(toSet()),
        Arrays.stream(policyRuntimes.split(",")).filter(r -> !r.isEmpty()).collect(toSet()),
        List.of(policyCommandPatterns.split("\n")),
        policyMaxVms,
        new ProviderPolicy.Reserved(reservedCores, reservedMemoryMib, reservedDiskGib),
        policyOutboundNetwork);
  }

  /** Capacity offered to VMs: the hardware less what the provider holds back. */
  public Demand offered() {
    return new Demand(
        Math.max(0, (long) (cores - reservedCores) * Tier.SHARES_PER_CORE),
        Math.max(0, memoryMib - reservedMemoryMib),
        Math.max(0, diskGib - reservedDiskGib),
        gpus.size());
  }

  /** Capacity the node's live VMs hold. */
  public Demand allocated() {
    return new Demand(allocatedCoreShares, allocatedMemoryMib, allocatedDiskGib, allocatedGpus);
  }

  public int allocatedVms() {
    return allocatedVms;
  }

  /** What the node offers, holds and may still take. */
  public Capacity capacity() {
    return new Capacity(offered(), allocated(), allocatedVms, policyMaxVms);
  }

  /** Why this node cannot take {@code demand} now, or empty when it can. */
  public Optional<String> shortOf(Demand demand) {
    return capacity().shortOf(demand);
  }

  /**
   * Takes capacity for a VM.
   *
   * @throws IllegalStateException when the node is short of it: callers check {@link #shortOf}
   *     under a lock on this node first
   */
  public void allocate(Demand demand) {
    shortOf(demand)
        .ifPresent(
            reason -> {
              throw new IllegalStateException("node " + id + " cannot host: " + reason);
            });
    allocatedCoreShares += demand.coreShares();
    allocatedMemoryMib += demand.memoryMib();
    allocatedDiskGib += demand.diskGib();
    allocatedGpus += demand.gpus();
    allocatedVms++;
  }

  /** Gives back the capacity a VM held. */
  public void release(Demand demand) {
    allocatedCoreShares = Math.max(0, allocatedCoreShares - demand.coreShares());
    allocatedMemoryMib = Math.max(0, allocatedMemoryMib - demand.memoryMib());
    allocatedDiskGib = Math.max(0, allocatedDiskGib - demand.diskGib());
    allocatedGpus = Math.max(0, allocatedGpus - demand.gpus());
    allocatedVms = Math.max(0, allocatedVms - 1);
  }

  /** A VM started running here for the first time. */
  public void countHostedVm() {
    totalVmsHosted++;
  }

  /** A VM that ran here ended normally. */
  public void countCompletion() {
    successfulCompletions++;
  }

  public long totalVmsHosted() {
    return totalVmsHosted;
  }

  public long successfulCompletions() {
    return successfulCompletions;
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

  /** What the node charges per hour for compute points, memory, disk and GPUs. */
  public PriceList priceList() {
    return new PriceList(
        pricePerPointHour, pricePerMemoryGibHour, pricePerDiskGibHour, pricePerGpuHour);
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

  /**
   * The row's version: it moves with every change saved, so an unchanged version is an unchanged
   * row.
   */
  public long version() {
    return version;
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

  /** Host programs the node's VMs can run, sorted. */
  public List<String> hostTools() {
    return List.copyOf(hostTools);
  }

  public List<String> tags() {
    return List.copyOf(tags);
  }

  public List<Gpu> gpus() {
    return List.copyOf(gpus);
  }
}
