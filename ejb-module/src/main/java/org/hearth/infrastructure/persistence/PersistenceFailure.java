package org.hearth.infrastructure.persistence;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/** A JDBC statement failed; the SQLException (with its SQLSTATE) is the cause. */
public class PersistenceFailure extends PersistenceException {

  public PersistenceFailure(String doing, SQLException cause) {
    super(doing + ": " + cause.getMessage(), cause);
  }
}
