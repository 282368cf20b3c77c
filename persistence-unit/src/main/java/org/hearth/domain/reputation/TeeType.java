package org.hearth.domain.reputation;

import java.util.Arrays;
import java.util.Optional;

/** The trusted execution environment an attestation (kind 10033) names, by its {@code tee} tag. */
public enum TeeType {
  SEV_SNP("sev-snp"),
  TDX("tdx"),
  SGX("sgx"),
  NITRO("nitro"),
  /** No TEE: a plain host attestation (what runs the node, e.g. its kernel and sandbox). */
  NONE("none");

  private final String tag;

  TeeType(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }

  public static Optional<TeeType> ofTag(String tag) {
    return Arrays.stream(values()).filter(t -> t.tag.equals(tag)).findFirst();
  }
}
