package org.hearth.application.identity;

/** What an account may do beyond its own resources. */
public enum Role {
  /** Everyone: rents VMs. */
  TENANT,
  /** Runs nodes whose registration named this account. */
  OPERATOR,
  /** Listed by key in {@code hearth.auth.admins}. */
  ADMIN
}
