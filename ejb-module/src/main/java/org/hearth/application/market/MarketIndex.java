package org.hearth.application.market;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.domain.node.Capacity;
import org.hearth.domain.node.NodeStatus;
import org.hearth.protocol.compute.Tier;

/**
 * The marketplace's nodes laid out for scanning: every field a search filters or orders by, in a
 * primitive array indexed like {@link #nodes}. A search reads a few hundred kilobytes in order
 * instead of following pointers through ten thousand entries (their prices, policies and
 * capacities), which made it wait on memory: several milliseconds a search on a server whose caches
 * also hold everything else it does. Immutable; built once per refresh.
 */
public final class MarketIndex {

  /** Tags that get a bit of their own; a query for any other tag checks the entries' lists. */
  private static final int TAG_BITS = Long.SIZE;

  final MarketNode[] nodes;
  final long[] pricePerPointHour;
  final long[] computePoints;
  final long[] freePoints;
  final double[] uptimePercent;
  final double[] score;
  final boolean[] online;
  final boolean[] hasGpu;
  final int[] region;
  final long[] tags;
  final int[] tiers;
  final int[] roomForVms;
  final long[] freeCoreShares;
  final long[] freeMemoryMib;
  final long[] freeDiskGib;
  final long[] freeGpus;
  private final Map<String, Integer> regionIds = new HashMap<>();
  private final Map<String, Integer> tagIds = new HashMap<>();

  /** The index of {@code entries}, in their order. */
  public static MarketIndex of(List<MarketNode> entries) {
    return new MarketIndex(entries);
  }

  private MarketIndex(List<MarketNode> entries) {
    int n = entries.size();
    nodes = entries.toArray(MarketNode[]::new);
    pricePerPointHour = new long[n];
    computePoints = new long[n];
    freePoints = new long[n];
    uptimePercent = new double[n];
    score = new double[n];
    online = new boolean[n];
    hasGpu = new boolean[n];
    region = new int[n];
    tags = new long[n];
    tiers = new int[n];
    roomForVms = new int[n];
    freeCoreShares = new long[n];
    freeMemoryMib = new long[n];
    freeDiskGib = new long[n];
    freeGpus = new long[n];
    for (int i = 0; i < n; i++) {
      MarketNode node = nodes[i];
      pricePerPointHour[i] = node.pricePerPointHour();
      computePoints[i] = node.computePoints();
      freePoints[i] = node.freePoints();
      uptimePercent[i] = node.uptimePercent();
      score[i] = node.score();
      online[i] = node.status() == NodeStatus.ONLINE;
      hasGpu[i] = !node.gpuModels().isEmpty();
      region[i] =
          node.region() == null
              ? -1
              : regionIds.computeIfAbsent(node.region(), r -> regionIds.size());
      tags[i] = tagBits(node.tags());
      for (Tier tier : node.policy().tiers()) {
        tiers[i] |= 1 << tier.ordinal();
      }
      Capacity capacity = node.capacity();
      roomForVms[i] = capacity.maxVms() - capacity.vms();
      freeCoreShares[i] = capacity.offered().coreShares() - capacity.allocated().coreShares();
      freeMemoryMib[i] = capacity.offered().memoryMib() - capacity.allocated().memoryMib();
      freeDiskGib[i] = capacity.offered().diskGib() - capacity.allocated().diskGib();
      freeGpus[i] = capacity.offered().gpus() - capacity.allocated().gpus();
    }
  }

  private long tagBits(List<String> nodeTags) {
    long bits = 0;
    for (String tag : nodeTags) {
      Integer id = tagIds.get(tag);
      if (id == null && tagIds.size() < TAG_BITS) {
        id = tagIds.size();
        tagIds.put(tag, id);
      }
      if (id != null) {
        bits |= 1L << id;
      }
    }
    return bits;
  }

  int size() {
    return nodes.length;
  }

  /** The region's number, or -1 when no node is in it. */
  int regionId(String name) {
    return regionIds.getOrDefault(name, -1);
  }

  /** The tag's bit, or 0 when it has none (no node has it, or it came after the first 64). */
  long tagBit(String tag) {
    Integer id = tagIds.get(tag);
    return id == null ? 0 : 1L << id;
  }
}
