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

/**
 * What a VM needs and where it may run, with its constraints: the part of {@code POST /api/vms}
 * that {@code POST /api/quotes} prices too, validated by the same rules.
 */
public class VmSpecRequest {

  /** A node id: 64 lowercase hex digits. */
  public static final String NODE_ID = "[0-9a-f]{64}";

  public static final String NODE_ID_MESSAGE = "must be 64 lowercase hex digits";

  /** The longest command accepted. */
  public static final int MAX_COMMAND = 4000;

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

  public boolean outboundNetwork;

  @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "letters, digits, '.', '_' and '-' only")
  public String region;

  @Size(max = 16)
  public List<@NotBlank @Size(max = 64) String> tags = List.of();

  @PositiveOrZero public Long maxPricePerHour;

  /** The domain request for this spec with the rest of a VM request's fields. */
  protected VmRequest toRequest(
      String name,
      String command,
      Map<String, String> env,
      String targetNodeId,
      Integer durationMinutes,
      int waitSeconds) {
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
