package org.hearth.interfaces.rest.node;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hearth.domain.node.NodeProfile;
import org.hearth.domain.node.PriceList;
import org.hearth.protocol.money.Money;

/** The body of {@code POST /api/nodes}. */
public class NodeRegistrationRequest {

  @NotBlank
  @Size(max = 128)
  public String machineId;

  @Size(max = 64)
  @Pattern(regexp = "[A-Za-z0-9._-]*", message = "letters, digits, '.', '_' and '-' only")
  public String region;

  @Size(max = 32)
  public List<@NotBlank @Size(max = 64) String> tags = List.of();

  @Size(max = 2000)
  public String description;

  @NotBlank
  @Size(max = 32)
  public String arch;

  @NotNull
  @Positive
  @Max(4096)
  public Integer cores;

  @NotNull
  @Positive
  @Max(1L << 40)
  public Long memoryMiB;

  @NotNull
  @PositiveOrZero
  @Max(1L << 40)
  public Long diskGiB;

  @Size(max = 64)
  public List<@NotNull @Valid GpuDto> gpus = List.of();

  @NotNull
  @PositiveOrZero
  @Max(1L << 40)
  public Long computePoints;

  /** Price of one compute point for one hour, in the settlement asset's smallest unit. */
  @NotNull @PositiveOrZero public Long pricePerPointHour;

  /** Optional (0 when absent, as from agents older than the price list): per GiB of memory. */
  @PositiveOrZero public Long pricePerMemoryGiBHour;

  /** Optional (0 when absent): per GiB of disk for one hour. */
  @PositiveOrZero public Long pricePerDiskGiBHour;

  /** Optional (0 when absent): per GPU for one hour. */
  @PositiveOrZero public Long pricePerGpuHour;

  /**
   * Optional: the key of the operator's account, a Nostr hex public key or an Ethereum address. The
   * node joins that account once the account claims it ({@code POST /api/nodes/{id}/claim}).
   */
  @Pattern(
      regexp = OperatorKey.PATTERN,
      message = "must be a Nostr public key (64 hex digits) or an Ethereum address (0x + 40 hex)")
  public String operator;

  /** Optional: what the provider lets run; everything when absent. */
  @Valid public PolicyDto policy;

  /** Host programs the node's VMs can run, as its agent found them (e.g. python3, gcc). */
  @Size(max = 256)
  public List<@NotNull @Pattern(regexp = HOST_TOOL, message = "must be a program name") String>
      hostTools = List.of();

  /** A program's file name: letters, digits, '.', '_', '+' and '-'. */
  public static final String HOST_TOOL = "[A-Za-z0-9][A-Za-z0-9._+-]{0,63}";

  NodeProfile toProfile() {
    return new NodeProfile(
        region,
        tags == null ? List.of() : tags,
        description,
        arch,
        cores,
        memoryMiB,
        diskGiB,
        gpus == null ? List.of() : gpus.stream().map(GpuDto::toGpu).toList(),
        computePoints,
        new PriceList(
            Money.of(pricePerPointHour),
            orZero(pricePerMemoryGiBHour),
            orZero(pricePerDiskGiBHour),
            orZero(pricePerGpuHour)),
        policy == null ? null : policy.toPolicy(),
        hostTools);
  }

  private static Money orZero(Long price) {
    return price == null ? Money.ZERO : Money.of(price);
  }
}
