package org.hearth.interfaces.rest.node;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.hearth.domain.node.NodeLoad;

/** The body of {@code POST /api/nodes/{id}/heartbeat}: the node's current load. */
public class HeartbeatRequest {

  @NotNull
  @DecimalMin("0")
  @DecimalMax("100")
  public Double cpuPercent;

  @NotNull @PositiveOrZero public Long memoryUsedMiB;

  @NotNull @PositiveOrZero public Long diskUsedGiB;

  @NotNull @PositiveOrZero public Integer runningVms;

  NodeLoad toLoad() {
    return new NodeLoad(cpuPercent, memoryUsedMiB, diskUsedGiB, runningVms);
  }
}
