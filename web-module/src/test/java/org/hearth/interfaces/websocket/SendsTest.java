package org.hearth.interfaces.websocket;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SendsTest {

  private final ClassLoader application = new URLClassLoader(new URL[0]);
  private ClassLoader before;

  @BeforeEach
  void applicationContext() {
    before = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(application);
  }

  @AfterEach
  void restore() {
    Thread.currentThread().setContextClassLoader(before);
  }

  private static Session withIdleTimeout(long millis) {
    return (Session)
        Proxy.newProxyInstance(
            SendsTest.class.getClassLoader(),
            new Class<?>[] {Session.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getMaxIdleTimeout")) {
                return millis;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void sendsWithThePlatformLoaderAsContextWhenTheSessionHasNoIdleTimeout() throws IOException {
    AtomicReference<ClassLoader> during = new AtomicReference<>();
    Sends.on(withIdleTimeout(0), () -> during.set(Thread.currentThread().getContextClassLoader()));
    assertSame(ClassLoader.getPlatformClassLoader(), during.get());
    assertSame(application, Thread.currentThread().getContextClassLoader());
  }

  @Test
  void restoresTheApplicationLoaderWhenTheSendFails() {
    assertThrows(
        IOException.class,
        () ->
            Sends.on(
                withIdleTimeout(-1),
                () -> {
                  throw new IOException("gone");
                }));
    assertSame(application, Thread.currentThread().getContextClassLoader());
  }

  @Test
  void keepsTheApplicationLoaderForASessionWithAnIdleTimeout() throws IOException {
    AtomicReference<ClassLoader> during = new AtomicReference<>();
    Sends.on(
        withIdleTimeout(30_000), () -> during.set(Thread.currentThread().getContextClassLoader()));
    assertSame(application, during.get());
  }
}
