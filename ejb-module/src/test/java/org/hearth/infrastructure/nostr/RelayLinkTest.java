package org.hearth.infrastructure.nostr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.hearth.protocol.net.Backoff;
import org.junit.jupiter.api.Test;

class RelayLinkTest {

  @Test
  void keepsEventsForAnUnreachableRelayUpToItsLimitDroppingTheOldest() {
    RelayLink link =
        new RelayLink(
            URI.create("ws://127.0.0.1:9"),
            HttpClient.newHttpClient(),
            Executors.newSingleThreadScheduledExecutor(),
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), () -> 0.5),
            "{\"kinds\":[5900]}",
            Duration.ofMinutes(1),
            2,
            json -> {},
            Clock.systemUTC());

    link.publish("a", "{\"id\":\"a\"}");
    link.publish("b", "{\"id\":\"b\"}");
    link.publish("b", "{\"id\":\"b\"}");
    link.publish("c", "{\"id\":\"c\"}");

    RelayLink.Health health = link.health();
    assertFalse(health.connected());
    assertEquals(2, health.pending());
    assertEquals(1, health.dropped());
    assertEquals(0, health.sent());
  }
}
