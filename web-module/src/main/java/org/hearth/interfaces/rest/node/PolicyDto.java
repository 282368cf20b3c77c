package org.hearth.interfaces.rest.node;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.hearth.protocol.compute.ProviderPolicy;
import org.hearth.protocol.compute.Tier;

/** A provider's policy as its agent reports it at registration. */
public class PolicyDto {

  @NotEmpty
  @Size(max = 4)
  public Set<@NotNull Tier> tiers = Set.of(Tier.values());

  @NotEmpty
  @Size(max = 8)
  public Set<@NotBlank @Size(max = 32) String> runtimes = Set.of("sandbox");

  @NotEmpty
  @Size(max = 64)
  public List<@NotBlank @Size(max = 256) String> commandPatterns = List.of("*");

  @NotNull
  @PositiveOrZero
  @Max(10_000)
  public Integer maxVms = 32;

  @Valid public ReservedDto reserved = new ReservedDto();

  public boolean outboundNetwork;

  /** Capacity held back for the host. */
  public static class ReservedDto {
    @PositiveOrZero
    @Max(4096)
    public int cores;

    @PositiveOrZero public long memoryMiB;

    @PositiveOrZero public long diskGiB;
  }

  ProviderPolicy toPolicy() {
    ReservedDto held = reserved == null ? new ReservedDto() : reserved;
    return new ProviderPolicy(
        tiers,
        runtimes,
        commandPatterns,
        maxVms,
        new ProviderPolicy.Reserved(held.cores, held.memoryMiB, held.diskGiB),
        outboundNetwork);
  }

  static PolicyDto of(ProviderPolicy policy) {
    PolicyDto dto = new PolicyDto();
    dto.tiers = policy.tiers();
    dto.runtimes = policy.runtimes();
    dto.commandPatterns = policy.commandPatterns();
    dto.maxVms = policy.maxVms();
    dto.reserved = new ReservedDto();
    dto.reserved.cores = policy.reserved().cores();
    dto.reserved.memoryMiB = policy.reserved().memoryMiB();
    dto.reserved.diskGiB = policy.reserved().diskGiB();
    dto.outboundNetwork = policy.outboundNetwork();
    return dto;
  }
}
