package org.hearth.interfaces.websocket.terminal;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.hearth.application.vm.TerminalTickets;
import org.hearth.interfaces.websocket.SessionTimers;

/**
 * A browser's terminal in a VM: {@code /ws/vms/{id}/terminal?ticket=...} with a ticket from {@code
 * POST /api/vms/{id}/terminal}. Binary frames carry terminal bytes both ways; text frames carry
 * {@code {"type":"resize","cols":120,"rows":40}} in and {@code {"type":"exit","code":0}} out. The
 * ticket names the account (and session) it was issued to: the terminal closes when that session
 * ends or the account stops being a member of the VM.
 */
@ServerEndpoint("/ws/vms/{id}/terminal")
public class TerminalEndpoint {

  private static final int DEFAULT_COLS = 80;
  private static final int DEFAULT_ROWS = 24;

  @Inject TerminalTickets tickets;
  @Inject TerminalRelay relay;
  @Inject SessionTimers timers;

  private int channel;

  @OnOpen
  public void open(Session session, @PathParam("id") String vmId) throws IOException {
    timers.adopt(session);
    session.setMaxTextMessageBufferSize(4096);
    session.setMaxBinaryMessageBufferSize(64 * 1024);
    Optional<TerminalTickets.Redeemed> ticket = tickets.redeem(vmId, parameter(session, "ticket"));
    if (ticket.isEmpty()) {
      session.close(
          new CloseReason(
              CloseReason.CloseCodes.VIOLATED_POLICY, "invalid, used or expired ticket"));
      return;
    }
    channel =
        relay.open(
            ticket.get(),
            vmId,
            session,
            size(parameter(session, "cols"), DEFAULT_COLS),
            size(parameter(session, "rows"), DEFAULT_ROWS));
  }

  @OnMessage
  public void input(ByteBuffer bytes) {
    relay.fromClient(channel, bytes);
  }

  @OnMessage
  public void control(String text) {
    try {
      JsonObject message = Json.createReader(new StringReader(text)).readObject();
      if ("resize".equals(message.getString("type", ""))) {
        relay.resize(
            channel,
            clamp(message.getInt("cols", DEFAULT_COLS)),
            clamp(message.getInt("rows", DEFAULT_ROWS)));
      }
    } catch (JsonException | ClassCastException e) {
      // Not a control message we understand: ignored, as terminals do with unknown sequences.
    }
  }

  @OnClose
  public void close() {
    relay.clientClosed(channel);
  }

  private static String parameter(Session session, String name) {
    List<String> values = session.getRequestParameterMap().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static int size(String value, int fallback) {
    try {
      return value == null ? fallback : clamp(Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static int clamp(int size) {
    return Math.max(1, Math.min(1000, size));
  }
}
