package org.hearth.interfaces.rest.pricing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.hearth.domain.vm.VmRequest;
import org.hearth.interfaces.rest.vm.VmSpecRequest;

/**
 * The body of {@code POST /api/quotes}: a VM spec, validated as in {@code POST /api/vms}, and which
 * nodes to price it on.
 */
public class QuoteRequest extends VmSpecRequest {

  /** Optional: price the spec on this node only (whether or not it could host it now). */
  @Pattern(regexp = NODE_ID, message = NODE_ID_MESSAGE)
  public String nodeId;

  /**
   * Optional: the command the VM would run, so nodes whose allow-list refuses it are left out;
   * without it the allow-lists are not checked.
   */
  @Size(min = 1, max = MAX_COMMAND)
  public String command;

  /** Without {@link #nodeId}: how many of the cheapest eligible nodes to list. */
  @Min(1)
  @Max(50)
  public int limit = 5;

  VmRequest toSpec() {
    return toRequest("quote", command, Map.of(), nodeId, null, 0);
  }
}
