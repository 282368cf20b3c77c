package org.hearth.interfaces.rest.market;

import java.time.Instant;
import java.util.List;
import org.hearth.application.market.Badges;
import org.hearth.application.market.MarketNode;
import org.hearth.domain.node.Demand;
import org.hearth.interfaces.rest.node.NodeResponse;
import org.hearth.protocol.compute.Tier;

/** A node as a marketplace card: hardware, free capacity, price, uptime, reputation, badges. */
public class NodeCard {
  public String id;
  public String region;
  public List<String> tags;
  public String description;
  public String status;
  public Hardware hardware;
  public Free free;
  public long pricePerPointHour;
  public NodeResponse.Prices priceList;
  public double uptimePercent;
  public double reputation;
  public long totalVmsHosted;
  public long successfulCompletions;
  public Instant registeredAt;
  public List<Badge> badges;

  /** What the node has. */
  public static class Hardware {
    public int cores;
    public long computePoints;
    public long memoryMiB;
    public long diskGiB;
    public List<String> gpus;
  }

  /** What is not allocated to VMs now; cores in twelfths are shown as a decimal. */
  public static class Free {
    public double cores;
    public long computePoints;
    public long memoryMiB;
    public long diskGiB;
    public int gpus;
    public int vms;
  }

  /** A badge's code and label. */
  public static class Badge {
    public String code;
    public String label;
  }

  public static NodeCard of(MarketNode n, Instant now) {
    NodeCard c = new NodeCard();
    fill(c, n, now);
    return c;
  }

  static void fill(NodeCard c, MarketNode n, Instant now) {
    c.id = n.id();
    c.region = n.region();
    c.tags = n.tags();
    c.description = n.description();
    c.status = n.status().name();
    c.hardware = new Hardware();
    c.hardware.cores = n.cores();
    c.hardware.computePoints = n.computePoints();
    c.hardware.memoryMiB = n.memoryMib();
    c.hardware.diskGiB = n.diskGib();
    c.hardware.gpus = n.gpuModels();
    Demand offered = n.capacity().offered();
    Demand allocated = n.capacity().allocated();
    c.free = new Free();
    c.free.cores =
        Math.max(0, offered.coreShares() - allocated.coreShares()) / (double) Tier.SHARES_PER_CORE;
    c.free.computePoints = n.freePoints();
    c.free.memoryMiB = Math.max(0, offered.memoryMib() - allocated.memoryMib());
    c.free.diskGiB = Math.max(0, offered.diskGib() - allocated.diskGib());
    c.free.gpus = Math.max(0, offered.gpus() - allocated.gpus());
    c.free.vms = Math.max(0, n.capacity().maxVms() - n.capacity().vms());
    c.pricePerPointHour = n.pricePerPointHour();
    c.priceList = NodeResponse.Prices.of(n.prices());
    c.uptimePercent = n.uptimePercent();
    c.reputation = n.score();
    c.totalVmsHosted = n.totalVmsHosted();
    c.successfulCompletions = n.successfulCompletions();
    c.registeredAt = n.registeredAt();
    c.badges =
        Badges.of(n, now).stream()
            .map(
                b -> {
                  Badge badge = new Badge();
                  badge.code = b.name();
                  badge.label = b.label();
                  return badge;
                })
            .toList();
  }
}
