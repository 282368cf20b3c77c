package org.hearth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hearth's page in a real browser (Debian's Chromium, driven by playwright-core): the marketplace
 * with its filters, a node's page with its reputation explained, the templates with search, and a
 * phone-sized screen, without console errors. Screenshots go to {@code target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserIT {

  @Deployment(testable = false)
  static WebArchive hearth() {
    return Deployments.hearthWar();
  }

  @ArquillianResource URL base;

  @Test
  void aVisitorFindsANodeSeesWhyItIsTrustedAndBrowsesTemplates() throws Exception {
    HearthApi api = new HearthApi(base);
    String region = "browser-" + System.nanoTime();
    String nodeId = new SimulatedNode(api).register(region).json().get("id").asText();

    Path screenshots =
        Path.of(System.getProperty("hearth.war")).resolveSibling("screenshots").toAbsolutePath();
    String request =
        HearthApi.JSON
            .createObjectNode()
            .put("url", base.toString())
            .put("region", region)
            .put("screenshots", screenshots.toString())
            .toString();
    JsonNode seen =
        HearthApi.JSON.readTree(NodeScript.run("browser.dir", "browser-check.mjs", request));

    assertEquals(List.of(), strings(seen.get("errors")), "console errors");
    assertTrue(seen.get("title").asText().contains("Hearth"), seen.toString());
    assertTrue(seen.get("relayUrl").asText().endsWith("/relay"), seen.toString());
    assertEquals(List.of(nodeId), strings(seen.get("filtered")), "only the test's node is there");
    assertEquals("1 node", seen.get("summary").asText());
    assertEquals(
        List.of("history", "reviews", "payment", "attestation", "social"),
        strings(seen.get("components")));
    int days = api.get("api/marketplace/nodes/" + nodeId).json().get("uptimeByDay").size();
    assertTrue(days >= 1);
    assertEquals(days, seen.get("uptimeBars").asInt(), "one bar per day since it registered");
    assertTrue(seen.get("detailHeading").asText().contains(region), seen.toString());
    assertTrue(seen.get("templates").asInt() >= 10, "the seed templates: " + seen);
    assertTrue(strings(seen.get("redisTemplates")).contains("redis"), seen.toString());
    assertFalse(seen.get("phoneOverflow").asBoolean(), "no sideways scrolling on a phone");
    for (String screen :
        List.of("marketplace", "marketplace-filtered", "node", "templates", "marketplace-phone")) {
      assertTrue(screenshots.resolve(screen + ".png").toFile().length() > 1000, screen);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
