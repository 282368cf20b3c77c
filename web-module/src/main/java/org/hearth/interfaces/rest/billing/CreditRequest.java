package org.hearth.interfaces.rest.billing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** A credit: to which account, how much (smallest unit), and its unique reference. */
public class CreditRequest {
  @NotNull
  @Pattern(
      regexp = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
      message = "must be an account id (a UUID)")
  public String accountId;

  @NotNull @Positive public Long amount;

  @NotNull
  @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}", message = "must be 1 to 100 of A-Z a-z 0-9 . _ : -")
  public String reference;
}
