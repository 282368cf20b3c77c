package org.hearth.interfaces.rest.node;

import java.time.Instant;
import java.util.List;
import org.hearth.application.node.NodeView;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeLoad;
import org.hearth.domain.node.PriceList;

/** A node as the API shows it. */
public class NodeResponse {

  public String id;
  public String pubkey;
  public String machineId;

  /** The operator key the registration names, or null. */
  public String operator;

  /** Whether the account holding {@link #operator} has claimed the node. */
  public boolean operatorConfirmed;

  public String status;
  public double uptimePercent;
  public Instant lastHeartbeatAt;
  public Instant registeredAt;
  public Instant updatedAt;
  public String region;
  public List<String> tags;
  public String description;
  public String arch;
  public int cores;
  public long memoryMiB;
  public long diskGiB;
  public List<GpuDto> gpus;
  public long computePoints;

  /** The same as {@code priceList.perPointHour}, kept for clients older than the price list. */
  public long pricePerPointHour;

  public Prices priceList;
  public Load load;
  public PolicyDto policy;

  /** Host programs the node's VMs can run. */
  public List<String> hostTools;

  public Capacity allocated;
  public long totalVmsHosted;
  public long successfulCompletions;

  /** Capacity held by the node's live VMs. */
  public static class Capacity {
    public long coreShares;
    public long memoryMiB;
    public long diskGiB;
    public int gpus;
    public int vms;
  }

  /** What the node charges, each per hour in the settlement asset's smallest unit. */
  public static class Prices {
    public long perPointHour;
    public long perMemoryGiBHour;
    public long perDiskGiBHour;
    public long perGpuHour;

    public static Prices of(PriceList list) {
      Prices p = new Prices();
      p.perPointHour = list.perPointHour().amount();
      p.perMemoryGiBHour = list.perMemoryGibHour().amount();
      p.perDiskGiBHour = list.perDiskGibHour().amount();
      p.perGpuHour = list.perGpuHour().amount();
      return p;
    }
  }

  /** The node's load at its last heartbeat. */
  public static class Load {
    public Double cpuPercent;
    public Long memoryUsedMiB;
    public Long diskUsedGiB;
    public Integer runningVms;
  }

  public static NodeResponse of(NodeView view) {
    Node node = view.node();
    NodeResponse r = new NodeResponse();
    r.id = node.id();
    r.pubkey = node.pubkey();
    r.machineId = node.machineId();
    r.operator = node.operatorKey();
    r.operatorConfirmed = node.operatorAccountId() != null;
    r.status = node.status().name();
    r.uptimePercent = view.uptimePercent();
    r.lastHeartbeatAt = node.lastHeartbeatAt();
    r.registeredAt = node.registeredAt();
    r.updatedAt = node.updatedAt();
    r.region = node.region();
    r.tags = node.tags();
    r.description = node.description();
    r.arch = node.arch();
    r.cores = node.cores();
    r.memoryMiB = node.memoryMib();
    r.diskGiB = node.diskGib();
    r.gpus = node.gpus().stream().map(GpuDto::of).toList();
    r.hostTools = node.hostTools();
    r.computePoints = node.computePoints();
    r.pricePerPointHour = node.pricePerPointHour().amount();
    r.priceList = Prices.of(node.priceList());
    r.policy = PolicyDto.of(node.policy());
    r.allocated = new Capacity();
    r.allocated.coreShares = node.allocated().coreShares();
    r.allocated.memoryMiB = node.allocated().memoryMib();
    r.allocated.diskGiB = node.allocated().diskGib();
    r.allocated.gpus = node.allocated().gpus();
    r.allocated.vms = node.allocatedVms();
    r.totalVmsHosted = node.totalVmsHosted();
    r.successfulCompletions = node.successfulCompletions();
    NodeLoad load = node.load();
    if (load != null && load.cpuPercent() != null) {
      r.load = new Load();
      r.load.cpuPercent = load.cpuPercent();
      r.load.memoryUsedMiB = load.memoryUsedMib();
      r.load.diskUsedGiB = load.diskUsedGib();
      r.load.runningVms = load.runningVms();
    }
    return r;
  }
}
