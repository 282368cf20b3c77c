package org.hearth.interfaces.rest.vm;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.hearth.domain.vm.VmRequest;

/** The body of {@code POST /api/vms}: a {@link VmSpecRequest} and what to run. */
public class CreateVmRequest extends VmSpecRequest {

  @NotBlank
  @Size(max = 64)
  @Pattern(
      regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
      message = "letters, digits, '.', '_' and '-' only")
  public String name;

  @NotBlank
  @Size(max = MAX_COMMAND)
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

  @Pattern(regexp = NODE_ID, message = NODE_ID_MESSAGE)
  public String targetNodeId;

  @Positive
  @Max(525_600)
  public Integer durationMinutes;

  /** How long to wait for capacity when no node can take the VM now; 0 fails at once. */
  @PositiveOrZero
  @Max(86_400)
  public int waitSeconds;

  public VmRequest toRequest() {
    return toRequest(name, command, env, targetNodeId, durationMinutes, waitSeconds);
  }
}
