package org.hearth.interfaces.websocket.relay;

import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.hearth.application.nostr.Relay;
import org.hearth.application.nostr.RelaySettings;
import org.hearth.application.nostr.RelayStore;
import org.hearth.interfaces.rest.security.PublicUrl;
import org.hearth.interfaces.websocket.SessionTimers;

/**
 * Hearth's Nostr relay (NIP-01, 42): clients publish events, subscribe with filters, get what is
 * stored then {@code EOSE}, then new events live. Each connection is sent an {@code AUTH} challenge
 * on connect, and may authenticate keys with it. A bad message, or one over the client's budget,
 * gets an {@code OK false}, {@code CLOSED} or {@code NOTICE} with a machine-readable prefix; the
 * connection stays open.
 */
@ServerEndpoint("/relay")
public class RelayEndpoint {

  private static final System.Logger LOG = System.getLogger(RelayEndpoint.class.getName());

  @Inject Relay relay;
  @Inject RelaySettings settings;
  @Inject RelayHub hub;
  @Inject RelayIngest ingest;
  @Inject RelayRateLimits rateLimits;
  @Inject PublicUrl publicUrl;
  @Inject SessionTimers timers;

  private RelayConnection connection;
  private ClientMessages messages;
  private final Authentication authentication = new Authentication();
  private String clientAddress;
  private String relayUrl;

  @OnOpen
  public void open(Session session) {
    timers.adopt(session);
    // Twice the limit, so a message a little too large gets a NOTICE rather than a close.
    session.setMaxTextMessageBufferSize(2 * settings.maxMessageBytes());
    connection = new RelayConnection(session, hub.executor());
    messages = new ClientMessages(settings);
    clientAddress = ClientAddress.of(session);
    // AUTH events name the relay by host and path only: the port does not matter here.
    relayUrl = publicUrl.of(0) + session.getRequestURI().getPath();
    hub.add(connection);
    connection.auth(authentication.challenge());
  }

  @OnMessage
  public void text(String text) {
    if (text.length() > settings.maxMessageBytes()
        || text.getBytes(StandardCharsets.UTF_8).length > settings.maxMessageBytes()) {
      connection.notice(
          "invalid: message larger than " + settings.maxMessageBytes() + " bytes, ignored");
      return;
    }
    ClientMessage message;
    try {
      message = messages.parse(text);
    } catch (ClientMessages.Invalid e) {
      refuse(e);
      return;
    }
    try {
      if (message instanceof ClientMessage.Publish p) {
        publish(p);
      } else if (message instanceof ClientMessage.Authenticate a) {
        authenticate(a);
      } else if (message instanceof ClientMessage.Subscribe s) {
        subscribe(s);
      } else if (message instanceof ClientMessage.Close c) {
        connection.unsubscribe(c.subscriptionId());
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "relay: handling a message failed", e);
      if (message instanceof ClientMessage.Publish p) {
        connection.ok(p.event().id(), false, "error: the relay could not store the event");
      } else if (message instanceof ClientMessage.Authenticate a) {
        connection.ok(a.event().id(), false, "error: the relay could not check the event");
      } else if (message instanceof ClientMessage.Subscribe s) {
        connection.closed(s.subscriptionId(), "error: the relay could not run the query");
      }
    }
  }

  private void publish(ClientMessage.Publish p) {
    String id = p.event().id();
    Optional<String> limited = rateLimits.eventFrom(clientAddress);
    if (limited.isPresent()) {
      connection.ok(id, false, limited.get());
      return;
    }
    ingest
        .publish(p.event(), authentication.keys(), rateLimits)
        .thenAccept(verdict -> connection.ok(id, verdict.accepted(), verdict.message()));
  }

  private void authenticate(ClientMessage.Authenticate a) {
    Optional<String> limited = rateLimits.eventFrom(clientAddress);
    Relay.Verdict verdict =
        limited.isPresent()
            ? new Relay.Verdict(false, limited.get())
            : relay.authenticate(a.event(), authentication.challenge(), relayUrl);
    if (verdict.accepted()) {
      authentication.add(a.event().pubkey());
    }
    connection.ok(a.event().id(), verdict.accepted(), verdict.message());
  }

  private void subscribe(ClientMessage.Subscribe s) {
    String id = s.subscriptionId();
    Optional<String> limited = rateLimits.subscriptionFrom(clientAddress);
    if (limited.isPresent()) {
      connection.closed(id, limited.get());
      return;
    }
    if (!connection.hasSubscription(id)
        && connection.subscriptionCount() >= settings.maxSubscriptions()) {
      connection.closed(
          id, "blocked: at most " + settings.maxSubscriptions() + " subscriptions per connection");
      return;
    }
    connection.subscribe(id, s.filters());
    for (RelayStore.Stored event : relay.query(s.filters())) {
      connection.send(RelayConnection.event(id, event.json()));
    }
    connection.eose(id);
  }

  private void refuse(ClientMessages.Invalid e) {
    if (e.eventId != null) {
      connection.ok(e.eventId, false, e.getMessage());
    } else if (e.subscriptionId != null) {
      connection.closed(e.subscriptionId, e.getMessage());
    } else {
      connection.notice(e.getMessage());
    }
  }

  @OnClose
  public void close() {
    hub.remove(connection);
  }

  @OnError
  public void error(Throwable error) {
    LOG.log(System.Logger.Level.DEBUG, "relay connection error: {0}", error.toString());
  }
}
