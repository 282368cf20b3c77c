package org.hearth.interfaces.rest;

import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.util.Collection;

/**
 * A JSON body read as an object must be a JSON object. JSON-B (Yasson) would otherwise read {@code
 * [{...}]} as the object inside the array, so a client that sends the wrong shape learns nothing;
 * with this it gets the malformed-request problem every other unreadable body gets.
 */
@Provider
public class JsonObjectBodies implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (readsAnObject(context)) {
      PushbackInputStream body = new PushbackInputStream(context.getInputStream(), 1);
      int first = firstNonBlank(body);
      if (first >= 0 && first != '{') {
        throw new JsonbException("expected a JSON object, found '" + (char) first + "'");
      }
      if (first >= 0) {
        body.unread(first);
      }
      context.setInputStream(body);
    }
    return context.proceed();
  }

  private static boolean readsAnObject(ReaderInterceptorContext context) {
    MediaType type = context.getMediaType();
    boolean json =
        type != null
            && (MediaType.APPLICATION_JSON_TYPE.isCompatible(type)
                || type.getSubtype().endsWith("+json"));
    // Only what JSON-B binds: not arrays, collections, JSON-P values, text or streams.
    Class<?> target = context.getType();
    return json
        && !target.isArray()
        && !Collection.class.isAssignableFrom(target)
        && !JsonValue.class.isAssignableFrom(target)
        && !CharSequence.class.isAssignableFrom(target)
        && !InputStream.class.isAssignableFrom(target)
        && !Reader.class.isAssignableFrom(target);
  }

  /** The first byte that is not JSON whitespace, or -1 for a blank body. */
  private static int firstNonBlank(PushbackInputStream body) throws IOException {
    int b;
    do {
      b = body.read();
    } while (b == ' ' || b == '\t' || b == '\n' || b == '\r');
    return b;
  }
}
