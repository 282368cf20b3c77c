package org.hearth.interfaces.rest.vm;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.hearth.domain.vm.VmRequest;
import org.hearth.protocol.compute.Tier;
import org.hearth.protocol.money.Money;

/** The body of {@code POST /api/vms}. */
public class CreateVmRequest {

  @NotBlank
  @Size(max = 64)
  @Pattern(
      regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
      message = "letters, digits, '.', '_' and '-' only")
  public String name;

  @NotNull
  @Positive
  @Max(256)
  public Integer vcpus;

  @NotNull
  @Positive
  @Max(4L * 1024 * 1024)
  public Long memoryMiB;

  @NotNull
  @PositiveOrZero
  @Max(64L * 1024)
  public Long diskGiB;

  @PositiveOrZero
  @Max(16)
  public int gpus;

  @NotNull public Tier tier;

  @NotNull
  @Pattern(regexp = "sandbox", message = "must be sandbox (the only runtime so far)")
  public String runtime = "sandbox";

  @NotBlank
  @Size(max = 4000)
  public String command;

  @Size(max = 64)
  public Map<
          @NotNull
          @Pattern(
              regexp = "[A-Za-z_][A-Za-z0-9_]{0,127}",
              message = "must be a shell variable name")
          String,
          @NotNull @Size(max = 4096) String>
      env = Map.of();

  public boolean outboundNetwork;

  @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "letters, digits, '.', '_' and '-' only")
  public String region;

  @Size(max = 16)
  public List<@NotBlank @Size(max = 64) String> tags = List.of();

  @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lowercase hex digits")
  public String targetNodeId;

  @PositiveOrZero public Long maxPricePerHour;

  @Positive
  @Max(525_600)
  public Integer durationMinutes;

  /** How long to wait for capacity when no node can take the VM now; 0 fails at once. */
  @PositiveOrZero
  @Max(86_400)
  public int waitSeconds;

  VmRequest toRequest() {
    return new VmRequest(
        name,
        vcpus,
        memoryMiB,
        diskGiB,
        gpus,
        tier,
        runtime,
        command,
        env == null ? Map.of() : env,
        outboundNetwork,
        region,
        tags == null ? List.of() : tags,
        targetNodeId,
        maxPricePerHour == null ? null : Money.of(maxPricePerHour),
        durationMinutes,
        waitSeconds);
  }
}
