package org.hearth.domain.template;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * A value a tenant gives when deploying a template. It reaches the VM as the environment variable
 * of the same name, so the template's command reads it as {@code $NAME} and no value is ever pasted
 * into a command line. A secret parameter's value is passed to the VM but never shown or logged,
 * and it has no default (a default would be published with the template).
 */
@Embeddable
public class TemplateParameter {

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "description", nullable = false)
  private String description;

  @Column(name = "default_value")
  private String defaultValue;

  @Column(name = "required", nullable = false)
  private boolean required;

  @Column(name = "secret", nullable = false)
  private boolean secret;

  protected TemplateParameter() {}

  public TemplateParameter(
      String name, String description, String defaultValue, boolean required, boolean secret) {
    this.name = Objects.requireNonNull(name);
    this.description = description == null ? "" : description;
    this.defaultValue = defaultValue;
    this.required = required;
    this.secret = secret;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public boolean required() {
    return required;
  }

  public boolean secret() {
    return secret;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TemplateParameter p
        && name.equals(p.name)
        && description.equals(p.description)
        && Objects.equals(defaultValue, p.defaultValue)
        && required == p.required
        && secret == p.secret;
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }
}
