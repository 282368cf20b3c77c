package org.hearth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The node marketplace's search, featured nodes, node pages and the operator's view. */
@ExtendWith(ArquillianExtension.class)
class MarketplaceIT {

  @Deployment(testable = false)
  static WebArchive hearth() {
    return Deployments.hearthWar();
  }

  @ArquillianResource URL base;

  private static String registration(
      SimulatedNode node,
      String region,
      String tags,
      int cores,
      String gpus,
      long price,
      String extra) {
    return """
        {"machineId":"%s","region":"%s","tags":[%s],"description":"market test node",
         "arch":"x86_64","cores":%d,"memoryMiB":8192,"diskGiB":100,"gpus":[%s],
         "computePoints":%d,"pricePerPointHour":%d%s}"""
        .formatted(node.machineId, region, tags, cores, gpus, cores * 1000, price, extra);
  }

  @Test
  void nodesAreFoundByEveryFilterAndSortAndShownInFull() throws Exception {
    HearthApi api = new HearthApi(base);
    String region = "mkt-" + System.nanoTime();
    Tenant operator = new Tenant(api);
    SimulatedNode cheap = new SimulatedNode(api);
    SimulatedNode gpu = new SimulatedNode(api);
    SimulatedNode down = new SimulatedNode(api);
    String cheapId =
        id(
            cheap.registerWith(
                registration(
                    cheap,
                    region,
                    "\"ssd\",\"fast\"",
                    4,
                    "",
                    5,
                    ",\"operator\":\"" + operator.key.publicKeyHex() + "\"")));
    String gpuId =
        id(
            gpu.registerWith(
                registration(
                    gpu,
                    region,
                    "\"ssd\"",
                    8,
                    "{\"model\":\"NVIDIA A100\",\"memoryMiB\":40960}",
                    20,
                    "")));
    String downId = id(down.registerWith(registration(down, region, "\"hdd\"", 2, "", 10, "")));
    try (Heartbeats beats = new Heartbeats(List.of(cheap, gpu), List.of(cheapId, gpuId))) {
      String in = "api/marketplace/nodes?region=" + region;
      awaitListing(api, in + "&online=true", 2);

      assertEquals(List.of(cheapId, downId, gpuId), ids(api, in + "&sort=price"));
      assertEquals(List.of(gpuId, cheapId, downId), ids(api, in + "&sort=capacity"));
      assertEquals(List.of(cheapId, gpuId), sorted(ids(api, in + "&tags=ssd"), cheapId, gpuId));
      assertEquals(List.of(cheapId), ids(api, in + "&tags=ssd,fast"));
      assertEquals(List.of(cheapId, downId), ids(api, in + "&maxPrice=10&sort=price"));
      assertEquals(List.of(downId), ids(api, in + "&online=false"));
      assertEquals(List.of(gpuId), ids(api, in + "&gpu=true"));
      assertEquals(List.of(gpuId), ids(api, in + "&gpu=a100"));
      assertEquals(List.of(), ids(api, in + "&gpu=h100"));
      assertEquals(List.of(gpuId), ids(api, in + "&minPoints=5000"));
      assertEquals(List.of(gpuId), ids(api, in + "&fits.vcpus=6&fits.tier=GUARANTEED"));
      assertEquals(
          List.of(cheapId, gpuId),
          sorted(ids(api, in + "&fits.vcpus=6&fits.tier=BURSTABLE"), cheapId, gpuId));
      assertEquals(List.of(), ids(api, in + "&fits.memoryMiB=999999"));
      JsonNode paged = api.get(in + "&sort=price&page=1&size=2").json();
      assertEquals(3, paged.get("total").asLong());
      assertEquals(gpuId, paged.at("/items/0/id").asText());

      for (String bad :
          List.of("maxPrice=abc", "sort=best", "size=0", "online=maybe", "fits.tier=GOLD")) {
        HearthApi.Reply refused = api.get("api/marketplace/nodes?" + bad);
        assertEquals(400, refused.status(), bad + ": " + refused);
        assertTrue(
            refused.contentType().startsWith("application/problem+json"), refused.toString());
      }

      JsonNode page = api.get("api/marketplace/nodes/" + gpuId).json();
      assertEquals("NVIDIA A100", page.at("/hardware/gpus/0").asText());
      assertEquals(8.0, page.at("/free/cores").asDouble());
      assertEquals(1, page.at("/free/gpus").asInt());
      assertEquals(20, page.get("pricePerPointHour").asLong());
      assertTrue(page.at("/policy/tiers").size() > 0, page.toString());
      assertEquals(1, page.get("uptimeByDay").size(), "registered today: " + page);
      assertEquals(404, api.get("api/marketplace/nodes/" + "0".repeat(64)).status());
      assertEquals(400, api.get("api/marketplace/nodes/not-a-node").status());

      List<JsonNode> featured = new ArrayList<>();
      api.get("api/marketplace/nodes/featured").json().forEach(featured::add);
      assertTrue(featured.size() <= 10);
      for (int i = 0; i < featured.size(); i++) {
        assertEquals("ONLINE", featured.get(i).get("status").asText());
        assertTrue(featured.get(i).get("uptimePercent").asDouble() >= 95.0);
        if (i > 0) {
          assertTrue(
              featured.get(i - 1).get("reputation").asDouble()
                  >= featured.get(i).get("reputation").asDouble());
        }
      }

      assertEquals(200, operator.post("api/nodes/" + cheapId + "/claim", "").status());
      JsonNode mine = operator.get("api/operator/nodes").json();
      assertEquals(1, mine.size(), mine.toString());
      assertEquals(cheapId, mine.at("/0/id").asText());
      assertEquals(1, mine.at("/0/uptimeByDay").size());
      assertEquals(0, mine.at("/0/earned30Days").asLong());
    }
  }

  private static String id(HearthApi.Reply registered) {
    assertEquals(201, registered.status(), registered.toString());
    return registered.json().get("id").asText();
  }

  private static List<String> ids(HearthApi api, String path) {
    HearthApi.Reply reply = api.get(path);
    assertEquals(200, reply.status(), reply.toString());
    List<String> ids = new ArrayList<>();
    reply.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  /** The ids in the given order, when they are exactly those (for sorts that tie). */
  private static List<String> sorted(List<String> found, String... expected) {
    return found.size() == expected.length && found.containsAll(List.of(expected))
        ? List.of(expected)
        : found;
  }

  private static void awaitListing(HearthApi api, String path, int count)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      if (api.get(path).json().get("total").asInt() == count) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the marketplace never listed " + count + " at " + path);
  }
}
