package org.hearth.domain.vm;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hearth.domain.node.Demand;
import org.hearth.domain.persistence.StringListConverter;
import org.hearth.domain.persistence.StringMapConverter;
import org.hearth.protocol.compute.Tier;
import org.hearth.protocol.money.Money;

/** A tenant's VM: what was asked for, where it runs, and every state it went through. */
@Entity
@Table(name = "vm")
@EntityListeners(VmChangeAnnouncer.class)
public class Vm {

  /** The most characters of a state's reason (and of a transition's cause) that are kept. */
  public static final int MAX_REASON = 1000;

  @Id private String id;

  @Column(name = "owner_account_id", nullable = false, updatable = false)
  private String ownerAccountId;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "vcpus", nullable = false)
  private int vcpus;

  @Column(name = "memory_mib", nullable = false)
  private long memoryMib;

  @Column(name = "disk_gib", nullable = false)
  private long diskGib;

  @Column(name = "gpus", nullable = false)
  private int gpus;

  @Enumerated(EnumType.STRING)
  @Column(name = "tier", nullable = false)
  private Tier tier;

  @Column(name = "runtime", nullable = false)
  private String runtime;

  @Column(name = "command", nullable = false)
  private String command;

  @Convert(converter = StringMapConverter.class)
  @Column(name = "env", nullable = false)
  private Map<String, String> env;

  @Column(name = "outbound_network", nullable = false)
  private boolean outboundNetwork;

  @Column(name = "region_wish")
  private String regionWish;

  @Convert(converter = StringListConverter.class)
  @Column(name = "tags_wish", nullable = false)
  private List<String> tagsWish;

  @Column(name = "target_node_id")
  private String targetNodeId;

  @Column(name = "max_price_per_hour")
  private Money maxPricePerHour;

  @Column(name = "duration_minutes")
  private Integer durationMinutes;

  @Column(name = "node_id")
  private String nodeId;

  @Column(name = "price_per_hour")
  private Money pricePerHour;

  @Column(name = "core_shares", nullable = false)
  private long coreShares;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false)
  private VmState state;

  @Column(name = "state_reason")
  private String stateReason;

  @Column(name = "exit_code")
  private Integer exitCode;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "wait_until")
  private Instant waitUntil;

  @Column(name = "suspended_at")
  private Instant suspendedAt;

  /** Host programs the node must have. */
  @Convert(converter = StringListConverter.class)
  @Column(name = "required_tools", nullable = false)
  private List<String> requiredTools;

  /** Names of {@link #env} variables whose values are secrets. */
  @Convert(converter = StringListConverter.class)
  @Column(name = "secret_env", nullable = false)
  private List<String> secretEnv;

  @Column(name = "template_slug", updatable = false)
  private String templateSlug;

  @ElementCollection
  @CollectionTable(name = "vm_transition", joinColumns = @JoinColumn(name = "vm_id"))
  @OrderColumn(name = "seq")
  private List<VmTransition> history = new ArrayList<>();

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Vm() {}

  /** A new VM, {@code REQUESTED} by the tenant's account {@code ownerAccountId}. */
  public Vm(String ownerAccountId, VmRequest request, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.ownerAccountId = ownerAccountId;
    this.name = request.name();
    this.vcpus = request.vcpus();
    this.memoryMib = request.memoryMib();
    this.diskGib = request.diskGib();
    this.gpus = request.gpus();
    this.tier = request.tier();
    this.runtime = request.runtime();
    this.command = request.command();
    this.env = request.env();
    this.outboundNetwork = request.outboundNetwork();
    this.regionWish = request.region();
    this.tagsWish = request.tags();
    this.targetNodeId = request.targetNodeId();
    this.maxPricePerHour = request.maxPricePerHour();
    this.durationMinutes = request.durationMinutes();
    this.waitUntil = request.waitSeconds() > 0 ? now.plusSeconds(request.waitSeconds()) : null;
    this.coreShares = request.tier().coreShares(request.vcpus());
    this.requiredTools = new ArrayList<>(request.requiredTools());
    this.secretEnv = request.secretEnv().stream().sorted().toList();
    this.templateSlug = request.templateSlug();
    this.createdAt = now;
    this.updatedAt = now;
    this.state = VmState.REQUESTED;
    history.add(new VmTransition(null, VmState.REQUESTED, now, "requested by its owner"));
  }

  /**
   * Moves the VM to {@code to}, recording when and why.
   *
   * @throws IllegalVmTransitionException when the current state cannot lead there
   */
  public void transition(VmState to, String cause, Instant now) {
    if (!state.canBecome(to)) {
      throw new IllegalVmTransitionException(id, state, to);
    }
    cause = fitted(cause);
    history.add(new VmTransition(state, to, now, cause));
    if (to == VmState.RUNNING && startedAt == null) {
      startedAt = now;
      expiresAt = durationMinutes == null ? null : now.plus(Duration.ofMinutes(durationMinutes));
    }
    state = to;
    stateReason = cause;
    updatedAt = now;
  }

  /** Places the VM on a node at a locked price: {@code REQUESTED → SCHEDULED}. */
  public void schedule(String nodeId, Money pricePerHour, String cause, Instant now) {
    transition(VmState.SCHEDULED, cause, now);
    this.nodeId = nodeId;
    this.pricePerHour = pricePerHour;
  }

  /** Stops the VM for want of payment; it keeps its node and files until resumed or deleted. */
  public void suspend(String cause, Instant now) {
    transition(VmState.SUSPENDED, cause, now);
    suspendedAt = now;
  }

  /**
   * Asks for a suspended VM to be placed again, on the node that keeps its files: {@code SUSPENDED
   * → REQUESTED}, with that node as its target.
   */
  public void requestResume(String cause, Instant now) {
    transition(VmState.REQUESTED, cause, now);
    targetNodeId = nodeId;
    suspendedAt = null;
  }

  /** Whether this request may still wait for capacity at {@code now}. */
  public boolean mayWait(Instant now) {
    return state == VmState.REQUESTED && waitUntil != null && now.isBefore(waitUntil);
  }

  /** Notes why a waiting request is not placed yet, without leaving {@code REQUESTED}. */
  public void stillWaiting(String reason, Instant now) {
    stateReason = fitted("waiting for capacity: " + reason);
    updatedAt = now;
  }

  /**
   * A reason cut to what its columns hold: reasons quote the request (its tags, a node's refusal),
   * which can be longer.
   */
  static String fitted(String reason) {
    return reason == null || reason.length() <= MAX_REASON
        ? reason
        : reason.substring(0, MAX_REASON - 1) + "…";
  }

  public void recordExitCode(Integer exitCode) {
    this.exitCode = exitCode;
  }

  public boolean isOwnedBy(String accountId) {
    return ownerAccountId.equals(accountId);
  }

  /** The capacity this VM holds on its node while its state says it does. */
  public Demand demand() {
    return new Demand(coreShares, memoryMib, diskGib, gpus);
  }

  public String id() {
    return id;
  }

  public String ownerAccountId() {
    return ownerAccountId;
  }

  public String name() {
    return name;
  }

  public int vcpus() {
    return vcpus;
  }

  public long memoryMib() {
    return memoryMib;
  }

  public long diskGib() {
    return diskGib;
  }

  public int gpus() {
    return gpus;
  }

  public Tier tier() {
    return tier;
  }

  public String runtime() {
    return runtime;
  }

  public String command() {
    return command;
  }

  public Map<String, String> env() {
    return env;
  }

  public boolean outboundNetwork() {
    return outboundNetwork;
  }

  public String regionWish() {
    return regionWish;
  }

  public List<String> tagsWish() {
    return tagsWish;
  }

  public String targetNodeId() {
    return targetNodeId;
  }

  public Money maxPricePerHour() {
    return maxPricePerHour;
  }

  public Integer durationMinutes() {
    return durationMinutes;
  }

  public String nodeId() {
    return nodeId;
  }

  public Money pricePerHour() {
    return pricePerHour;
  }

  public VmState state() {
    return state;
  }

  public String stateReason() {
    return stateReason;
  }

  public Integer exitCode() {
    return exitCode;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant waitUntil() {
    return waitUntil;
  }

  public Instant suspendedAt() {
    return suspendedAt;
  }

  /** Host programs the node must have; empty for most VMs. */
  public List<String> requiredTools() {
    return List.copyOf(requiredTools);
  }

  /** Names of environment variables whose values are secrets, never to be shown. */
  public List<String> secretEnv() {
    return List.copyOf(secretEnv);
  }

  /** The environment as anyone may see it: without the secrets' values. */
  public Map<String, String> visibleEnv() {
    if (secretEnv.isEmpty()) {
      return env;
    }
    Map<String, String> visible = new java.util.TreeMap<>(env);
    secretEnv.forEach(visible::remove);
    return visible;
  }

  /** The template this VM was deployed from, or null. */
  public String templateSlug() {
    return templateSlug;
  }

  public List<VmTransition> history() {
    return List.copyOf(history);
  }
}
