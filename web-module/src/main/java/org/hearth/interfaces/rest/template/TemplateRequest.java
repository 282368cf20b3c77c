package org.hearth.interfaces.rest.template;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hearth.domain.template.TemplateSpec;
import org.hearth.domain.template.Visibility;
import org.hearth.interfaces.rest.node.NodeRegistrationRequest;
import org.hearth.protocol.compute.Tier;

/**
 * The body of {@code POST /api/templates} and {@code PUT /api/templates/{slug}}, and the format of
 * the seed templates. The default resources and the command obey the rules of {@code POST /api/vms}
 * (checked on the VM a deployment with defaults would create).
 */
public class TemplateRequest {

  public static final String SLUG = "[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?";

  /** Required to publish; a change may leave it out (else it must be the template's). */
  @Pattern(regexp = SLUG, message = "lowercase letters, digits and inner '-', at most 64")
  public String slug;

  @NotBlank
  @Size(max = 100)
  public String name;

  @NotNull
  @Pattern(regexp = "[a-z][a-z0-9-]{0,31}", message = "lowercase letters, digits and '-'")
  public String category;

  @NotNull
  @Size(max = 4000)
  public String description = "";

  public String runtime = "sandbox";

  /** A shell script run by {@code /bin/sh -c} as the VM's pid 1; parameters are in its env. */
  public String command;

  @Size(max = 32)
  public List<@NotNull @Valid ParameterDto> parameters = List.of();

  public Integer vcpus = 1;
  public Long memoryMiB = 128L;
  public Long diskGiB = 1L;
  public Tier tier = Tier.BURSTABLE;
  public boolean outboundNetwork;

  /** Host programs the node must have, e.g. {@code python3}; the scheduler only uses such nodes. */
  @Size(max = 32)
  public List<
          @NotNull
          @Pattern(
              regexp = NodeRegistrationRequest.HOST_TOOL,
              message = "must be a program name (letters, digits, '.', '_', '+', '-')")
          String>
      requiredTools = List.of();

  @NotNull public Visibility visibility = Visibility.PUBLIC;

  TemplateSpec toSpec() {
    return new TemplateSpec(
        slug,
        name,
        category,
        description,
        runtime,
        command,
        parameters == null
            ? List.of()
            : parameters.stream().map(ParameterDto::toParameter).toList(),
        vcpus,
        memoryMiB,
        diskGiB,
        tier,
        outboundNetwork,
        requiredTools == null ? List.of() : requiredTools,
        visibility);
  }
}
