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
 * The template catalogue over HTTP: authors' CRUD, search, validation, deployments placed only on
 * nodes with the template's host tools and paid like any VM, secrets never shown, and ratings.
 */
@ExtendWith(ArquillianExtension.class)
class TemplateApiIT {

  static final List<String> SEEDS =
      List.of(
          "shell-box",
          "static-site",
          "python-api",
          "redis",
          "sqlite-box",
          "c-build-box",
          "node-http",
          "java-http",
          "perl-kv",
          "nostr-relay");

  @Deployment(testable = false)
  static WebArchive hearth() {
    return Deployments.hearthWar();
  }

  @ArquillianResource URL base;

  static String template(String slug, String visibility) {
    return """
        {"slug":"%s","name":"Quote of the day %s","category":"demo-%s",
         "description":"Prints a wise saying, then naps","command":"echo \\"$QUOTE\\"; sleep 3600",
         "parameters":[{"name":"QUOTE","description":"The saying","defaultValue":"Keep calm"},
                       {"name":"TOKEN","description":"A secret","required":true,"secret":true}],
         "vcpus":1,"memoryMiB":64,"diskGiB":1,"tier":"BURSTABLE",
         "requiredTools":["python3","bash"],"visibility":"%s"}"""
        .formatted(slug, slug, slug, visibility);
  }

  @Test
  void authorsPublishChangeAndDeleteTemplatesThatAnyoneFinds() {
    HearthApi api = new HearthApi(base);
    Tenant author = new Tenant(api);
    Tenant other = new Tenant(api);
    String slug = "quote-" + System.nanoTime();
    String hidden = "hidden-" + System.nanoTime();

    HearthApi.Reply created = author.post("api/templates", template(slug, "PUBLIC"));
    assertEquals(201, created.status(), created.toString());
    JsonNode t = created.json();
    assertEquals(1, t.get("version").asLong());
    assertEquals(List.of("bash", "python3"), strings(t.get("requiredTools")));
    assertEquals(author.accountId(), t.get("authorAccountId").asText());
    assertFalse(t.get("seed").asBoolean());
    assertTrue(t.at("/parameters/1/secret").asBoolean());
    assertEquals(0, t.at("/rating/count").asLong());
    assertTrue(created.header("Location").endsWith("/api/templates/" + slug));
    assertEquals(201, author.post("api/templates", template(hidden, "PRIVATE")).status());
    assertProblem(other.post("api/templates", template(slug, "PUBLIC")), 409);

    // Found by any word of its name or description, any case, and by category; private never.
    assertEquals(List.of(slug), slugs(api.get("api/templates?q=QUOTE+" + slug).json()));
    assertEquals(List.of(slug), slugs(api.get("api/templates?q=wise+NAPS+" + slug).json()));
    assertEquals(List.of(slug), slugs(api.get("api/templates?category=demo-" + slug).json()));
    assertEquals(List.of(), slugs(api.get("api/templates?q=" + hidden).json()));
    assertEquals(List.of(), slugs(api.get("api/templates?q=%25_%25+" + slug).json()));
    assertEquals(200, api.get("api/templates/" + slug).status());
    assertProblem(api.get("api/templates/" + hidden), 404);
    assertProblem(other.send("DELETE", "api/templates/" + hidden, null), 404);
    List<String> mine = new ArrayList<>();
    author.get("api/templates/mine").json().forEach(m -> mine.add(m.get("slug").asText()));
    assertEquals(List.of(hidden, slug), mine);

    String changed = template(slug, "PUBLIC").replace("Keep calm", "Carry on");
    assertProblem(other.send("PUT", "api/templates/" + slug, changed), 403);
    JsonNode updated = author.send("PUT", "api/templates/" + slug, changed).json();
    assertEquals(2, updated.get("version").asLong(), updated.toString());
    assertEquals("Carry on", updated.at("/parameters/0/defaultValue").asText());
    assertProblem(
        author.send("PUT", "api/templates/" + slug, template("other-slug", "PUBLIC")), 400);

    assertProblem(other.send("DELETE", "api/templates/" + slug, null), 403);
    assertEquals(204, author.send("DELETE", "api/templates/" + slug, null).status());
    assertProblem(api.get("api/templates/" + slug), 404);
  }

  @Test
  void badTemplatesAreRefusedNamingTheField() {
    HearthApi api = new HearthApi(base);
    Tenant author = new Tenant(api);
    String good = template("bad-" + System.nanoTime(), "PUBLIC");
    assertDetail(
        author.post("api/templates", good.replace("\"slug\":\"", "\"slug\":\"Bad ")), "slug");
    assertDetail(author.post("api/templates", good.replaceFirst("bad-[0-9]+", "mine")), "reserved");
    assertDetail(author.post("api/templates", good.replace("\"vcpus\":1", "\"vcpus\":0")), "vcpus");
    assertDetail(
        author.post("api/templates", good.replace("\"memoryMiB\":64", "\"memoryMiB\":null")),
        "memoryMiB");
    assertDetail(
        author.post("api/templates", good.replace("\"tier\":\"BURSTABLE\"", "\"tier\":\"GOLD\"")),
        "");
    assertDetail(
        author.post("api/templates", good.replace("\"bash\"", "\"../bin/sh\"")), "requiredTools");
    assertDetail(
        author.post("api/templates", good.replace("\"required\":true,", "\"defaultValue\":\"x\",")),
        "parameters[1].defaultValue: a secret parameter cannot have a default");
    assertDetail(
        author.post("api/templates", good.replace("\"name\":\"TOKEN\"", "\"name\":\"QUOTE\"")),
        "declared twice");
    assertDetail(
        author.post("api/templates", good.replace("\"name\":\"TOKEN\"", "\"name\":\"1X\"")),
        "parameters[1].name");
    assertDetail(author.post("api/templates", good.replace("\"command\":", "\"x\":")), "command");
  }

  @Test
  void deploymentsRunOnlyWhereTheToolsArePayLikeAnyVmHideSecretsAndEarnRatings() {
    HearthApi api = new HearthApi(base);
    String region = "tpl-" + System.nanoTime();
    SimulatedNode bare = new SimulatedNode(api);
    SimulatedNode equipped = new SimulatedNode(api);
    String bareId = bare.register(region).json().get("id").asText();
    String equippedId =
        equipped
            .registerWith(
                equipped.registration(
                    region, 4, 8192, ",\"hostTools\":[\"bash\",\"python3\",\"gcc\"]"))
            .json()
            .get("id")
            .asText();
    assertEquals(
        List.of("bash", "gcc", "python3"),
        strings(api.get("api/nodes/" + equippedId).json().get("hostTools")));
    Tenant author = new Tenant(api);
    String slug = "deploy-" + System.nanoTime();
    assertEquals(201, author.post("api/templates", template(slug, "PUBLIC")).status());
    String gccOnly = "gcc-" + System.nanoTime();
    assertEquals(
        201,
        author
            .post(
                "api/templates",
                template(gccOnly, "PUBLIC").replace("\"python3\",\"bash\"", "\"gcc\",\"make\""))
            .status());
    String deploy = "api/templates/" + slug + "/deploy";
    String body =
        """
        {"parameters":{"TOKEN":"s3cr3t-value","QUOTE":"Be kind"},"region":"%s","name":"quote"}"""
            .formatted(region);

    try (Heartbeats beats = new Heartbeats(List.of(bare, equipped), List.of(bareId, equippedId))) {
      awaitOnline(api, bareId);
      awaitOnline(api, equippedId);
      Tenant tenant = Tenant.funded(api);

      // Every deployment goes to the node with the tools, never to the bare one.
      List<String> vmIds = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        HearthApi.Reply deployed = tenant.post(deploy, body);
        assertEquals(201, deployed.status(), deployed.toString());
        JsonNode vm = deployed.json();
        assertEquals(equippedId, vm.get("nodeId").asText(), vm.toString());
        assertEquals("SCHEDULED", vm.get("state").asText());
        assertTrue(deployed.header("Location").endsWith("/api/vms/" + vm.get("id").asText()));
        vmIds.add(vm.get("id").asText());
      }
      JsonNode vm = tenant.get("api/vms/" + vmIds.get(0)).json();
      assertEquals(slug, vm.get("template").asText());
      assertEquals("Be kind", vm.at("/env/QUOTE").asText());
      assertEquals(List.of("TOKEN"), strings(vm.get("secretEnv")));
      assertEquals(List.of("bash", "python3"), strings(vm.get("requiredTools")));
      assertFalse(vm.toString().contains("s3cr3t-value"), "the secret is never shown: " + vm);
      assertFalse(tenant.get("api/vms").body().contains("s3cr3t-value"));
      assertFalse(api.get("api/templates/" + slug).body().contains("s3cr3t-value"));
      assertTrue(vm.get("pricePerHour").asLong() > 0);
      assertEquals(3, api.get("api/templates/" + slug).json().get("deployments").asLong());

      // A template whose tools no node has: the VM fails, saying why.
      JsonNode noTools = tenant.post("api/templates/" + gccOnly + "/deploy", body).json();
      assertEquals("FAILED", noTools.get("state").asText(), noTools.toString());
      assertTrue(
          noTools.get("stateReason").asText().contains("missing host tools [gcc, make] (2)"),
          noTools.toString());

      // Parameters: required ones, unknown ones; overrides obey the VM rules.
      assertDetail(tenant.post(deploy, body.replace("\"TOKEN\":\"s3cr3t-value\",", "")), "TOKEN");
      assertDetail(tenant.post(deploy, body.replace("\"QUOTE\"", "\"COLOUR\"")), "COLOUR");
      assertDetail(
          tenant.post(deploy, body.replace("\"name\"", "\"vcpus\":999,\"name\"")), "vcpus");
      assertProblem(tenant.post("api/templates/no-such-template/deploy", body), 404);

      // A tenant who cannot pay the first period gets 402, and nothing is counted.
      Tenant broke = new Tenant(api);
      assertProblem(broke.post(deploy, body), 402);
      assertEquals(3, api.get("api/templates/" + slug).json().get("deployments").asLong());

      // Ratings: tenants who deployed it, once each (changeable); not its author, not others.
      String rating = "api/templates/" + slug + "/rating";
      JsonNode first = tenant.send("PUT", rating, "{\"stars\":4}").json();
      assertEquals(1, first.get("count").asLong(), first.toString());
      assertEquals(4.0, first.get("average").asDouble());
      assertEquals(
          2.0, tenant.send("PUT", rating, "{\"stars\":2}").json().get("average").asDouble());
      Tenant second = Tenant.funded(api);
      assertEquals(201, second.post(deploy, body).status());
      JsonNode both = second.send("PUT", rating, "{\"stars\":5}").json();
      assertEquals(2, both.get("count").asLong());
      assertEquals(3.5, both.get("average").asDouble());
      assertEquals(3.5, api.get("api/templates/" + slug).json().at("/rating/average").asDouble());
      assertProblem(author.send("PUT", rating, "{\"stars\":5}"), 403);
      assertProblem(broke.send("PUT", rating, "{\"stars\":1}"), 403);
      assertProblem(tenant.send("PUT", rating, "{\"stars\":6}"), 400);

      // Deleting the template leaves its VMs alone.
      assertEquals(204, author.send("DELETE", "api/templates/" + slug, null).status());
      assertEquals("SCHEDULED", tenant.get("api/vms/" + vmIds.get(0)).json().get("state").asText());
      vmIds.forEach(id -> tenant.delete("api/vms/" + id));
    }
  }

  @Test
  void theSeedTemplatesAreThere() {
    HearthApi api = new HearthApi(base);
    // Every page: other suites publish templates of their own (AuthorizationMatrixIT hundreds).
    List<String> found = new ArrayList<>();
    for (int page = 0; found.size() == page * 100; page++) {
      found.addAll(slugs(api.get("api/templates?size=100&page=" + page).json()));
    }
    assertTrue(found.containsAll(SEEDS), found.toString());
    for (String slug : SEEDS) {
      JsonNode t = api.get("api/templates/" + slug).json();
      assertTrue(t.get("seed").asBoolean(), t.toString());
      assertTrue(t.path("authorAccountId").isMissingNode() || t.get("authorAccountId").isNull());
    }
    JsonNode redis = api.get("api/templates/redis").json();
    assertEquals(List.of("redis-cli", "redis-server"), strings(redis.get("requiredTools")));
    assertTrue(redis.at("/parameters/0/secret").asBoolean());
    assertEquals(List.of("nostr-relay"), slugs(api.get("api/templates?category=nostr").json()));
    JsonNode categories = api.get("api/templates/categories").json();
    assertTrue(categories.toString().contains("{\"category\":\"database\",\"templates\":"));
    assertProblem(api.get("api/templates?category=Not%20one"), 400);
    assertProblem(api.get("api/templates?size=101"), 400);
    // Seeds belong to nobody: nobody changes them.
    assertProblem(new Tenant(api).send("DELETE", "api/templates/redis", null), 403);
  }

  static List<String> slugs(JsonNode page) {
    List<String> slugs = new ArrayList<>();
    page.get("items").forEach(t -> slugs.add(t.get("slug").asText()));
    return slugs;
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static void assertDetail(HearthApi.Reply reply, String fragment) {
    assertEquals(400, reply.status(), reply.toString());
    assertTrue(reply.json().get("detail").asText().contains(fragment), reply.toString());
  }
}
