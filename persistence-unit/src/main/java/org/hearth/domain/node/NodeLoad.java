package org.hearth.domain.node;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The resource usage a node reported with its last heartbeat. */
@Embeddable
public class NodeLoad {

  @Column(name = "cpu_percent")
  private Double cpuPercent;

  @Column(name = "memory_used_mib")
  private Long memoryUsedMib;

  @Column(name = "disk_used_gib")
  private Long diskUsedGib;

  @Column(name = "running_vms")
  private Integer runningVms;

  protected NodeLoad() {}

  public NodeLoad(double cpuPercent, long memoryUsedMib, long diskUsedGib, int runningVms) {
    this.cpuPercent = cpuPercent;
    this.memoryUsedMib = memoryUsedMib;
    this.diskUsedGib = diskUsedGib;
    this.runningVms = runningVms;
  }

  public Double cpuPercent() {
    return cpuPercent;
  }

  public Long memoryUsedMib() {
    return memoryUsedMib;
  }

  public Long diskUsedGib() {
    return diskUsedGib;
  }

  public Integer runningVms() {
    return runningVms;
  }
}
