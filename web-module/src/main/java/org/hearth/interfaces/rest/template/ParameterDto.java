package org.hearth.interfaces.rest.template;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hearth.domain.template.TemplateParameter;

/** A template parameter: an environment variable of the VM that the deploying tenant may set. */
public class ParameterDto {

  @NotNull
  @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]{0,63}", message = "must be a shell variable name")
  public String name;

  @Size(max = 500)
  public String description = "";

  /** The value when the tenant gives none; secrets have none. */
  @Size(max = 4096)
  public String defaultValue;

  /** Whether a deployment must give a value (or the parameter must have a default). */
  public boolean required;

  /** Passed to the VM, never shown by the API or logged. */
  public boolean secret;

  TemplateParameter toParameter() {
    return new TemplateParameter(name, description, defaultValue, required, secret);
  }

  static ParameterDto of(TemplateParameter p) {
    ParameterDto dto = new ParameterDto();
    dto.name = p.name();
    dto.description = p.description();
    dto.defaultValue = p.secret() ? null : p.defaultValue();
    dto.required = p.required();
    dto.secret = p.secret();
    return dto;
  }
}
