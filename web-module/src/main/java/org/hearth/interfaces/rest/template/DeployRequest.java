package org.hearth.interfaces.rest.template;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.hearth.protocol.compute.Tier;

/**
 * The body of {@code POST /api/templates/{slug}/deploy}: parameter values, and optional overrides
 * of the VM the template describes. The resulting VM obeys the rules of {@code POST /api/vms}.
 */
public class DeployRequest {

  @Size(max = 32)
  public Map<@NotNull String, @NotNull @Size(max = 4096) String> parameters = Map.of();

  public String name;
  public Integer vcpus;
  public Long memoryMiB;
  public Long diskGiB;
  public Tier tier;
  public String region;
  public List<String> tags;
  public String targetNodeId;
  public Long maxPricePerHour;
  public Integer durationMinutes;
  public Integer waitSeconds;
}
