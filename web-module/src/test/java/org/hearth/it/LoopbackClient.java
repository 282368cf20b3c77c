package org.hearth.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 requests from a chosen loopback address (127.x.y.z), so a test can be several clients
 * with different IP addresses on one machine (Java 17's HttpClient cannot choose its source
 * address).
 */
final class LoopbackClient {

  /** A response: status, headers (lower-case names) and body. */
  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  private final String sourceAddress;
  private final int port;

  LoopbackClient(String sourceAddress, int port) {
    this.sourceAddress = sourceAddress;
    this.port = port;
  }

  /** {@code body} and {@code authorization} may be null. */
  Response send(String method, String path, String body, String authorization) throws IOException {
    byte[] content = body == null ? new byte[0] : body.getBytes(UTF_8);
    StringBuilder head =
        new StringBuilder(method + " /" + path + " HTTP/1.1\r\n")
            .append("Host: localhost:" + port + "\r\n")
            .append("Connection: close\r\n")
            .append("Content-Length: " + content.length + "\r\n");
    if (body != null) {
      head.append("Content-Type: application/json\r\n");
    }
    if (authorization != null) {
      head.append("Authorization: " + authorization + "\r\n");
    }
    head.append("\r\n");
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(UTF_8));
      out.write(content);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  /** Parses a {@code Connection: close} response, whose body may be chunked. */
  private static Response parse(byte[] raw) throws IOException {
    int end = indexOf(raw, "\r\n\r\n".getBytes(UTF_8), 0);
    if (end < 0) {
      throw new IOException("incomplete response: " + new String(raw, UTF_8));
    }
    String[] lines = new String(raw, 0, end, UTF_8).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Response(status, headers, new String(body, UTF_8));
  }

  private static byte[] unchunk(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] crlf = "\r\n".getBytes(UTF_8);
    int at = 0;
    while (true) {
      int lineEnd = indexOf(chunked, crlf, at);
      String sizeLine = new String(chunked, at, lineEnd - at, UTF_8);
      int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
      if (size == 0) {
        return body.toByteArray();
      }
      body.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    for (int i = from; i <= data.length - pattern.length; i++) {
      if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
        return i;
      }
    }
    return -1;
  }
}
