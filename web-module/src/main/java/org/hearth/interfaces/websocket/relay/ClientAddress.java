package org.hearth.interfaces.websocket.relay;

import jakarta.websocket.Session;

/**
 * A WebSocket client's IP address. Jakarta WebSocket has no API for it; Payara's WebSocket
 * implementation, Tyrus, gives its sessions a {@code getRemoteAddr()} (the upgrade request's
 * servlet {@code getRemoteAddr()}, as the REST budgets use), called here without a compile-time
 * dependency on Tyrus.
 */
final class ClientAddress {

  private static final System.Logger LOG = System.getLogger(ClientAddress.class.getName());

  /** The address of a client whose session does not tell it: all such clients share budgets. */
  static final String UNKNOWN = "unknown";

  private ClientAddress() {}

  static String of(Session session) {
    try {
      if (session.getClass().getMethod("getRemoteAddr").invoke(session) instanceof String address
          && !address.isBlank()) {
        return address;
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "relay: no client address from {0}: {1}", session, e);
    }
    return UNKNOWN;
  }
}
