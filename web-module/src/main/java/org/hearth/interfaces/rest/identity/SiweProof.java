package org.hearth.interfaces.rest.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An EIP-4361 message and its EIP-191 signature by the wallet named in it. */
public class SiweProof {

  @NotNull
  @Size(max = 4096)
  public String message;

  @NotNull
  @Size(max = 140)
  public String signature;
}
