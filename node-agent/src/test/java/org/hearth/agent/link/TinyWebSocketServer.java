package org.hearth.agent.link;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal RFC 6455 server on loopback, enough to play the Hearth server's side of the link: it
 * accepts connections one at a time and sends and receives (fragmented) text and binary messages.
 */
final class TinyWebSocketServer implements AutoCloseable {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)\\s*$");

  private final ServerSocket server;

  TinyWebSocketServer() throws IOException {
    server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    server.setSoTimeout(10_000);
  }

  /** The base URL the agent is given; the link goes to {@code /ws/agent} under it. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Waits for the agent to connect and completes the opening handshake. */
  Connection accept() throws Exception {
    Socket socket = server.accept();
    socket.setSoTimeout(10_000);
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      head.write(in.read());
    }
    String request = head.toString(StandardCharsets.ISO_8859_1);
    if (!request.startsWith("GET /ws/agent ")) {
      throw new AssertionError("unexpected request: " + request);
    }
    Matcher key = KEY.matcher(request);
    if (!key.find()) {
      throw new AssertionError("no Sec-WebSocket-Key in " + request);
    }
    byte[] digest =
        MessageDigest.getInstance("SHA-1")
            .digest((key.group(1) + GUID).getBytes(StandardCharsets.ISO_8859_1));
    String response =
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: "
            + Base64.getEncoder().encodeToString(digest)
            + "\r\n\r\n";
    socket.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
    return new Connection(socket);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  /** A whole message from the agent. */
  record Message(boolean text, byte[] payload) {
    String string() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  static final class Connection implements AutoCloseable {
    private static final int TEXT = 1;
    private static final int BINARY = 2;
    private static final int CLOSE = 8;
    private static final int PING = 9;
    private static final int PONG = 10;

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private volatile boolean closedByAgent;
    private volatile boolean silent;
    private volatile int pings;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
      Thread reader = new Thread(this::read, "tiny-ws-reader");
      reader.setDaemon(true);
      reader.start();
    }

    /** The next message from the agent, waiting up to 10 s. */
    Message next() throws InterruptedException {
      Message message = received.poll(10, TimeUnit.SECONDS);
      if (message == null) {
        throw new AssertionError("the agent sent nothing");
      }
      return message;
    }

    /**
     * From now on answers nothing, not even pings, as a path that drops packets without resetting
     * the connection looks to the agent.
     */
    void fallSilent() {
      silent = true;
    }

    /** The pings the agent sent. */
    int pings() {
      return pings;
    }

    /** Sends a text message split into {@code parts} fragments. */
    void sendText(String text, int parts) throws IOException {
      sendFragmented(TEXT, text.getBytes(StandardCharsets.UTF_8), parts);
    }

    void sendBinary(byte[] bytes, int parts) throws IOException {
      sendFragmented(BINARY, bytes, parts);
    }

    boolean closedByAgent() {
      return closedByAgent;
    }

    /** Sends a close frame, as a server does when it ends the link. */
    void sendClose() throws IOException {
      sendClose(1000, "");
    }

    /** Sends a close frame with a status code and reason. */
    void sendClose(int code, String reason) throws IOException {
      byte[] text = reason.getBytes(StandardCharsets.UTF_8);
      byte[] payload = new byte[2 + text.length];
      payload[0] = (byte) (code >>> 8);
      payload[1] = (byte) code;
      System.arraycopy(text, 0, payload, 2, text.length);
      frame(true, CLOSE, payload);
    }

    private void sendFragmented(int opcode, byte[] payload, int parts) throws IOException {
      int size = (payload.length + parts - 1) / parts;
      for (int i = 0; i < parts; i++) {
        int from = Math.min(payload.length, i * size);
        int to = Math.min(payload.length, from + size);
        byte[] part = Arrays.copyOfRange(payload, from, to);
        frame(i == parts - 1, i == 0 ? opcode : 0, part);
      }
    }

    private synchronized void frame(boolean fin, int opcode, byte[] payload) throws IOException {
      out.write((fin ? 0x80 : 0) | opcode);
      if (payload.length < 126) {
        out.write(payload.length);
      } else if (payload.length < 65536) {
        out.write(126);
        out.write(payload.length >>> 8);
        out.write(payload.length & 0xff);
      } else {
        out.write(127);
        for (int shift = 56; shift >= 0; shift -= 8) {
          out.write((int) ((long) payload.length >>> shift) & 0xff);
        }
      }
      out.write(payload);
      out.flush();
    }

    private void read() {
      try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int messageOpcode = 0;
        while (true) {
          int first = in.readUnsignedByte();
          int second = in.readUnsignedByte();
          long length = second & 0x7f;
          if (length == 126) {
            length = in.readUnsignedShort();
          } else if (length == 127) {
            length = in.readLong();
          }
          byte[] mask = new byte[4];
          if ((second & 0x80) != 0) {
            in.readFully(mask);
          }
          byte[] payload = new byte[(int) length];
          in.readFully(payload);
          for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
          }
          int opcode = first & 0x0f;
          if (opcode == CLOSE) {
            closedByAgent = true;
            frame(true, CLOSE, payload);
            return;
          } else if (opcode == PING) {
            pings++;
            if (!silent) {
              frame(true, PONG, payload);
            }
            continue;
          } else if (opcode != 0) {
            messageOpcode = opcode;
          }
          message.write(payload);
          if ((first & 0x80) != 0) {
            received.add(new Message(messageOpcode == TEXT, message.toByteArray()));
            message.reset();
          }
        }
      } catch (IOException e) {
        // the connection is gone
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
