package org.hearth.it;

import static org.hearth.it.NodeRegistryIT.assertProblem;
import static org.hearth.it.VmApiIT.awaitOnline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Price lists, quotes and the scheduler's full hourly price on a real server, with simulated nodes
 * (prices per hour: 12 per point, 3000 per memory GiB, 50 per disk GiB, 200,000 per GPU; 1000
 * points per core; one GPU each).
 */
@ExtendWith(ArquillianExtension.class)
class PricingIT {

  @Deployment(testable = false)
  static WebArchive hearth() {
    return Deployments.hearthWar();
  }

  @ArquillianResource URL base;

  private static String spec(String tier, int vcpus, long memoryMiB, long diskGiB, int gpus) {
    return """
        {"vcpus":%d,"memoryMiB":%d,"diskGiB":%d,"gpus":%d,"tier":"%s\""""
        .formatted(vcpus, memoryMiB, diskGiB, gpus, tier);
  }

  @Test
  void aQuoteForANodeIsTheHandComputedBreakdownAndThePriceAVmIsPlacedAt() {
    HearthApi api = new HearthApi(base);
    String region = "quote-" + System.nanoTime();
    SimulatedNode node = new SimulatedNode(api);
    String nodeId =
        node.registerWith(node.registration(region, 4, 8192, "")).json().get("id").asText();
    try (Heartbeats beats = new Heartbeats(List.of(node), List.of(nodeId))) {
      awaitOnline(api, nodeId);
      String spec = spec("STANDARD", 3, 1536, 20, 1);

      // Anonymous: quotes need no sign-in.
      HearthApi.Reply reply =
          api.post("api/quotes", spec + ",\"nodeId\":\"" + nodeId + "\"}", null);

      assertEquals(200, reply.status(), reply.toString());
      JsonNode quote = reply.json().at("/quotes/0");
      assertEquals(nodeId, quote.get("nodeId").asText());
      assertEquals(region, quote.get("region").asText());
      assertTrue(quote.get("canHostNow").asBoolean(), quote.toString());
      // compute ⌈3 × 1000 × 12 × 6667 / 10000⌉ = ⌈24001.2⌉; memory 1.5 GiB × 3000; disk 20 × 50
      assertEquals(24_002, quote.at("/breakdown/compute").asLong());
      assertEquals(4_500, quote.at("/breakdown/memory").asLong());
      assertEquals(1_000, quote.at("/breakdown/disk").asLong());
      assertEquals(200_000, quote.at("/breakdown/gpu").asLong());
      assertEquals(229_502, quote.at("/breakdown/total").asLong());
      assertEquals(229_502, quote.get("pricePerHour").asLong());
      long periodSeconds = reply.json().get("billingPeriodSeconds").asLong();
      assertEquals(
          (229_502 * periodSeconds + 3599) / 3600,
          quote.get("pricePerPeriod").asLong(),
          reply.toString());

      Tenant tenant = Tenant.funded(api);
      JsonNode vm =
          tenant
              .post(
                  "api/vms",
                  spec
                      + ",\"name\":\"priced\",\"command\":\"sleep 600\",\"region\":\""
                      + region
                      + "\"}")
              .json();
      assertEquals("SCHEDULED", vm.get("state").asText(), vm.toString());
      assertEquals(nodeId, vm.get("nodeId").asText());
      assertEquals(quote.get("pricePerHour").asLong(), vm.get("pricePerHour").asLong());

      // The node now holds the VM's GPU, its only one: it cannot host another now.
      JsonNode full = api.post("api/quotes", spec + ",\"nodeId\":\"" + nodeId + "\"}", null).json();
      assertFalse(full.at("/quotes/0/canHostNow").asBoolean(), full.toString());
      assertTrue(full.at("/quotes/0/reason").asText().contains("GPU"), full.toString());
      assertEquals(229_502, full.at("/quotes/0/pricePerHour").asLong(), "still priced");
      assertEquals(0, quotes(api, spec + ",\"region\":\"" + region + "\"}").size());
      assertTrue(
          api.post("api/quotes", spec + ",\"region\":\"" + region + "\"}", null)
              .json()
              .get("explanation")
              .asText()
              .contains("not enough free GPUs"));
    }
  }

  @Test
  void withoutANodeTheCheapestEligibleNodesComeFirst() {
    HearthApi api = new HearthApi(base);
    String region = "cheapest-" + System.nanoTime();
    List<SimulatedNode> nodes = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int price : new int[] {30, 10, 20}) {
      SimulatedNode node = new SimulatedNode(api);
      String body =
          node.registration(region, 4, 8192, "")
              .replace("\"pricePerPointHour\":12", "\"pricePerPointHour\":" + price);
      nodes.add(node);
      ids.add(node.registerWith(body).json().get("id").asText());
    }
    try (Heartbeats beats = new Heartbeats(nodes, ids)) {
      ids.forEach(id -> awaitOnline(api, id));
      String spec = spec("GUARANTEED", 1, 1024, 0, 0) + ",\"region\":\"" + region + "\"";

      List<JsonNode> all = quotes(api, spec + "}");
      // 1 vCPU × 1000 points × price per point + 1 GiB × 3000
      assertEquals(
          List.of(ids.get(1), ids.get(2), ids.get(0)),
          all.stream().map(q -> q.get("nodeId").asText()).toList());
      assertEquals(
          List.of(13_000L, 23_000L, 33_000L),
          all.stream().map(q -> q.get("pricePerHour").asLong()).toList());

      List<JsonNode> two = quotes(api, spec + ",\"limit\":2}");
      assertEquals(
          List.of(ids.get(1), ids.get(2)),
          two.stream().map(q -> q.get("nodeId").asText()).toList());

      List<JsonNode> affordable = quotes(api, spec + ",\"maxPricePerHour\":23000}");
      assertEquals(2, affordable.size(), affordable.toString());
    }
  }

  @Test
  void aVmWhoseCeilingIsBelowEveryNodesPriceIsNotPlaced() {
    HearthApi api = new HearthApi(base);
    String region = "ceiling-" + System.nanoTime();
    SimulatedNode node = new SimulatedNode(api);
    String nodeId =
        node.registerWith(node.registration(region, 4, 8192, "")).json().get("id").asText();
    try (Heartbeats beats = new Heartbeats(List.of(node), List.of(nodeId))) {
      awaitOnline(api, nodeId);
      // 1 vCPU BURSTABLE: compute 3000, memory 64 MiB × 3000 / 1024 = 187.5 → 188, disk 50
      String spec = spec("BURSTABLE", 1, 64, 1, 0);
      JsonNode quote =
          api.post("api/quotes", spec + ",\"nodeId\":\"" + nodeId + "\"}", null)
              .json()
              .at("/quotes/0");
      assertEquals(3_000 + 188 + 50, quote.get("pricePerHour").asLong(), quote.toString());

      Tenant tenant = Tenant.funded(api);
      String vm =
          spec
              + ",\"name\":\"stingy\",\"command\":\"sleep 600\",\"region\":\""
              + region
              + "\",\"maxPricePerHour\":3237}";
      JsonNode failed = tenant.post("api/vms", vm).json();
      assertEquals("FAILED", failed.get("state").asText(), failed.toString());
      assertTrue(
          failed.get("stateReason").asText().contains("price above 3237"), failed.toString());

      JsonNode placed = tenant.post("api/vms", vm.replace("3237", "3238")).json();
      assertEquals("SCHEDULED", placed.get("state").asText(), placed.toString());
      assertEquals(3_238, placed.get("pricePerHour").asLong());
    }
  }

  @Test
  void badQuotesAreProblemsAndAnUnknownNodeIs404() {
    HearthApi api = new HearthApi(base);
    String good = spec("STANDARD", 1, 256, 1, 0);

    HearthApi.Reply unknown =
        api.post("api/quotes", good + ",\"nodeId\":\"" + "0".repeat(64) + "\"}", null);
    assertProblem(unknown, 404);

    assertInvalid(api, good.replace("\"vcpus\":1", "\"vcpus\":0") + "}", "vcpus");
    assertInvalid(api, good + ",\"limit\":51}", "limit");
    assertInvalid(api, good + ",\"nodeId\":\"NODE\"}", "nodeId");
    assertInvalid(api, good + ",\"maxPricePerHour\":-1}", "maxPricePerHour");
    assertInvalid(api, good.replace(",\"tier\":\"STANDARD\"", "") + "}", "tier");
    assertProblem(api.post("api/quotes", good.replace("STANDARD", "GOLD") + "}", null), 400);
    assertProblem(api.post("api/quotes", "{\"vcpus\":", null), 400);
  }

  private static List<JsonNode> quotes(HearthApi api, String body) {
    HearthApi.Reply reply = api.post("api/quotes", body, null);
    assertEquals(200, reply.status(), reply.toString());
    List<JsonNode> quotes = new ArrayList<>();
    reply.json().get("quotes").forEach(quotes::add);
    return quotes;
  }

  private static void assertInvalid(HearthApi api, String body, String field) {
    HearthApi.Reply reply = api.post("api/quotes", body, null);
    assertProblem(reply, 400);
    assertTrue(reply.json().get("detail").asText().contains(field), reply.toString());
  }
}
