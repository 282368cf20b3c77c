package org.hearth.application.billing;

import jakarta.ejb.ApplicationException;

/** An admin credit's reference was used before for another account or amount. */
@ApplicationException(rollback = true)
public class CreditReferenceTakenException extends RuntimeException {

  public CreditReferenceTakenException(String reference) {
    super(
        "reference "
            + reference
            + " was used for a credit of another account or amount: give this credit a"
            + " reference of its own");
  }
}
