package org.hearth.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hearth.interfaces.rest.problem.PayloadTooLargeException;
import org.hearth.interfaces.rest.problem.Problem;
import org.hearth.interfaces.rest.problem.ProblemType;

/**
 * Refuses request bodies over {@code hearth.api.max-body-bytes} (64 KiB): at once when the declared
 * length is too large, and while reading when a body without a length grows too large.
 *
 * <p>A refused body of up to {@link #DRAINED} bytes is read to its end (and dropped) first. Over
 * HTTP/2 (h2c, which Java's HttpClient upgrades to) a client sends more of its body only as the
 * server reads it, and waits to have sent it all before it takes the answer: left unread, it would
 * wait for flow control until it timed out instead of getting its 413.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestSizeLimit implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "hearth.api.max-body-bytes", defaultValue = "65536")
  long maxBodyBytes;

  /** The most of a refused body read before the refusal is sent. */
  static final long DRAINED = 1 << 20;

  @Override
  public void filter(ContainerRequestContext request) {
    int length = request.getLength();
    if (length > maxBodyBytes) {
      if (length <= DRAINED) {
        drain(request.getEntityStream(), DRAINED);
      }
      request.abortWith(
          Problem.of(
                  ProblemType.PAYLOAD_TOO_LARGE,
                  "The request body is larger than " + maxBodyBytes + " bytes")
              .toResponse());
      return;
    }
    request.setEntityStream(new Limited(request.getEntityStream(), maxBodyBytes));
  }

  /** Fails the read that takes a stream past its limit. */
  private static final class Limited extends FilterInputStream {
    private final long limit;
    private long read;

    Limited(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws PayloadTooLargeException {
      read += n;
      if (read > limit) {
        drain(in, DRAINED - read);
        throw new PayloadTooLargeException(limit);
      }
    }
  }

  /**
   * Reads and drops the rest of {@code in}, {@code atMost} bytes of it. A client that stops sending
   * meanwhile gets the same refusal.
   */
  private static void drain(InputStream in, long atMost) {
    byte[] buffer = new byte[8192];
    long left = atMost;
    try {
      int n;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
        left -= n;
      }
    } catch (IOException e) {
      // Nothing more to read: the refusal goes out as it is.
    }
  }
}
