package org.hearth.domain.persistence;

import java.util.UUID;

/**
 * This server among the servers of a cluster on one database, as the rows it writes to a feed name
 * it (so that each server reads only what the others wrote): a new one each time the application
 * starts.
 */
public final class ServerOrigin {

  public static final String ID = UUID.randomUUID().toString();

  private ServerOrigin() {}
}
