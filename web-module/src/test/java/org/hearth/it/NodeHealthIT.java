package org.hearth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The health monitor on a real server, with the test timings of the failsafe configuration:
 * heartbeat interval 1 s, offline after 3 s, health check every 1 s.
 */
@ExtendWith(ArquillianExtension.class)
class NodeHealthIT {

  private static final Duration OFFLINE_AFTER = Duration.ofSeconds(3);

  @Deployment(testable = false)
  static WebArchive hearth() {
    return Deployments.hearthWar();
  }

  @ArquillianResource URL base;

  /**
   * On PostgreSQL a second server with its own health monitor shares the database, so the
   * assertions below also prove that two servers never count the same missed heartbeat twice.
   */
  @Test
  void aSilentNodeGoesOfflineAndItsUptimeStaysReducedAfterItRecovers() throws Exception {
    try (AutoCloseable second = PayaraServer.secondOnSharedDatabase(18081).orElse(null)) {
      silentNodeScenario();
    }
  }

  private void silentNodeScenario() throws Exception {
    HearthApi api = new HearthApi(base);
    SimulatedNode node = new SimulatedNode(api);
    JsonNode registered = node.register("eu-west").json();
    String id = registered.get("id").asText();
    Instant registeredAt = Instant.parse(registered.get("registeredAt").asText());

    HearthApi.Reply beat = null;
    for (int i = 0; i < 4; i++) {
      Thread.sleep(900);
      beat = node.heartbeat(id);
      assertEquals(200, beat.status());
    }
    Instant lastBeat = Instant.parse(beat.json().get("lastHeartbeatAt").asText());
    assertEquals("ONLINE", status(api, id));

    JsonNode offline = awaitStatus(api, id, "OFFLINE", Duration.ofSeconds(15));
    assertTrue(
        Duration.between(lastBeat, Instant.now()).compareTo(OFFLINE_AFTER) >= 0,
        "went offline before the offline timeout");
    Thread.sleep(4000);
    double whileOffline = api.get("api/nodes/" + id).json().get("uptimePercent").asDouble();
    assertTrue(whileOffline < 100.0, "uptime while offline: " + whileOffline);

    assertEquals(200, node.heartbeat(id).status());
    Instant recovered = Instant.now();
    JsonNode back = api.get("api/nodes/" + id).json();
    assertEquals("ONLINE", back.get("status").asText());
    double afterRecovery = back.get("uptimePercent").asDouble();
    assertTrue(afterRecovery < 100.0, "uptime jumped back to " + afterRecovery);

    // With a 1 s interval, the missed intervals are about the seconds without a heartbeat: counted
    // once, not once per health check or per server.
    double expected = Duration.between(registeredAt, recovered).toMillis() / 1000.0;
    double missed = expected * (100.0 - afterRecovery) / 100.0;
    double silent = Duration.between(lastBeat, recovered).toMillis() / 1000.0;
    assertEquals(
        silent, missed, 2.5, "missed intervals " + missed + " for " + silent + " s silent");

    Thread.sleep(2500);
    double later = api.get("api/nodes/" + id).json().get("uptimePercent").asDouble();
    assertTrue(later > afterRecovery - 0.5, "uptime fell while online: " + later);
    assertEquals("OFFLINE", offline.get("status").asText());
  }

  private static String status(HearthApi api, String id) {
    return api.get("api/nodes/" + id).json().get("status").asText();
  }

  private static JsonNode awaitStatus(HearthApi api, String id, String status, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      JsonNode node = api.get("api/nodes/" + id).json();
      if (node.get("status").asText().equals(status)) {
        return node;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("node " + id + " not " + status + " within " + timeout);
  }
}
