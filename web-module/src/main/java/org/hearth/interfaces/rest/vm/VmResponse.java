package org.hearth.interfaces.rest.vm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hearth.domain.vm.Vm;
import org.hearth.domain.vm.VmTransition;

/** A VM as its owner and members see it, with its state history. */
public class VmResponse {

  public String id;
  public String ownerAccountId;
  public String name;
  public String state;
  public String stateReason;
  public Integer exitCode;
  public String nodeId;
  public Long pricePerHour;
  public int vcpus;
  public long memoryMiB;
  public long diskGiB;
  public int gpus;
  public String tier;
  public String runtime;
  public String command;

  /** The environment without the values of secrets. */
  public Map<String, String> env;

  /** Names of environment variables whose values are secret: set in the VM, never shown. */
  public List<String> secretEnv;

  /** Host programs the VM's node must have. */
  public List<String> requiredTools;

  /** The template the VM was deployed from, or null. */
  public String template;

  public boolean outboundNetwork;
  public String region;
  public List<String> tags;
  public String targetNodeId;
  public Long maxPricePerHour;
  public Integer durationMinutes;
  public Instant createdAt;
  public Instant startedAt;
  public Instant expiresAt;
  public Instant waitUntil;
  public List<Transition> history;

  /** One state change. */
  public static class Transition {
    public String from;
    public String to;
    public Instant at;
    public String cause;
  }

  public static VmResponse of(Vm vm) {
    VmResponse r = new VmResponse();
    r.id = vm.id();
    r.ownerAccountId = vm.ownerAccountId();
    r.name = vm.name();
    r.state = vm.state().name();
    r.stateReason = vm.stateReason();
    r.exitCode = vm.exitCode();
    r.nodeId = vm.nodeId();
    r.pricePerHour = vm.pricePerHour() == null ? null : vm.pricePerHour().amount();
    r.vcpus = vm.vcpus();
    r.memoryMiB = vm.memoryMib();
    r.diskGiB = vm.diskGib();
    r.gpus = vm.gpus();
    r.tier = vm.tier().name();
    r.runtime = vm.runtime();
    r.command = vm.command();
    r.env = vm.visibleEnv();
    r.secretEnv = vm.secretEnv();
    r.requiredTools = vm.requiredTools();
    r.template = vm.templateSlug();
    r.outboundNetwork = vm.outboundNetwork();
    r.region = vm.regionWish();
    r.tags = vm.tagsWish();
    r.targetNodeId = vm.targetNodeId();
    r.maxPricePerHour = vm.maxPricePerHour() == null ? null : vm.maxPricePerHour().amount();
    r.durationMinutes = vm.durationMinutes();
    r.createdAt = vm.createdAt();
    r.startedAt = vm.startedAt();
    r.expiresAt = vm.expiresAt();
    r.waitUntil = vm.waitUntil();
    r.history = vm.history().stream().map(VmResponse::transition).toList();
    return r;
  }

  private static Transition transition(VmTransition t) {
    Transition r = new Transition();
    r.from = t.from() == null ? null : t.from().name();
    r.to = t.to().name();
    r.at = t.at();
    r.cause = t.cause();
    return r;
  }
}
