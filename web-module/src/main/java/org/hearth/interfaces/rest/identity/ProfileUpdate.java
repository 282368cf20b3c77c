package org.hearth.interfaces.rest.identity;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Profile fields to change; null leaves a field as it is. */
public class ProfileUpdate {

  @Size(max = 64)
  @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
  public String displayName;

  @Size(max = 256)
  @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
  public String contact;
}
