package org.hearth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.ws.rs.HttpMethod;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call what: every REST endpoint and WebSocket, for every kind of caller, against the
 * status it must get. The endpoints are found by reflection over the web module's classes, so an
 * endpoint added without a row here fails this test.
 */
@ExtendWith(ArquillianExtension.class)
class AuthorizationMatrixIT {

  /**
   * The callers. OWNER owns the VM under test, MEMBER was given it, STRANGER was not; OPERATOR
   * operates the node under test (it named OPERATOR's key and OPERATOR claimed it), and is a
   * stranger to the VM.
   */
  enum Actor {
    ANONYMOUS,
    OWNER,
    MEMBER,
    STRANGER,
    NODE,
    ADMIN,
    OPERATOR
  }

  @Deployment(testable = false)
  static WebArchive hearth() {
    return Deployments.hearthWar();
  }

  @ArquillianResource URL base;

  /**
   * A VM (owned by OWNER, shared with MEMBER), a node, one session of OWNER's, and a public
   * template authored by OWNER.
   */
  private record Fixture(
      String vmId, String nodeId, String thirdAccountId, String ownerSessionId, String template) {}

  /** One row: how to call an endpoint, and the status each actor must get. */
  private record Rule(String body, Function<Fixture, String> path, Map<Actor, Integer> expected) {}

  private static Map<Actor, Integer> statuses(int... byActor) {
    Map<Actor, Integer> map = new EnumMap<>(Actor.class);
    for (Actor actor : Actor.values()) {
      map.put(actor, byActor[actor.ordinal()]);
    }
    return map;
  }

  private static final String VM_BODY =
      """
      {"name":"matrix","vcpus":1,"memoryMiB":64,"diskGiB":1,"tier":"BURSTABLE","runtime":"sandbox",
       "command":"sleep 60","region":"matrix-nowhere"}""";

  /** A template's content (its slug comes from the path or is added). */
  private static final String TEMPLATE_BODY =
      "\"name\":\"Matrix\",\"category\":\"matrix\",\"command\":\"sleep 60\",\"vcpus\":1,"
          + "\"memoryMiB\":64,\"diskGiB\":1,\"tier\":\"BURSTABLE\"";

  /** Larger than the API's default hearth.api.max-body-bytes. */
  private static final int TOO_LARGE = 65_536;

  /** Every endpoint, keyed "METHOD /path template". Statuses per actor in {@link Actor} order. */
  private static Map<String, Rule> rules() {
    Map<String, Rule> rules = new LinkedHashMap<>();
    // anonymous, owner, member, stranger, node, admin, operator
    rules.put(
        "GET /api/nodes",
        new Rule(null, f -> "api/nodes", statuses(200, 200, 200, 200, 200, 200, 200)));
    rules.put(
        "GET /api/nodes/{id}",
        new Rule(
            null, f -> "api/nodes/" + f.nodeId(), statuses(200, 200, 200, 200, 200, 200, 200)));
    // Any key may register a node of its own; a node's heartbeat only by that node's key.
    rules.put(
        "POST /api/nodes",
        new Rule(
            "{\"machineId\":\"matrix-%s\",\"arch\":\"x86_64\",\"cores\":1,\"memoryMiB\":512,"
                + "\"diskGiB\":1,\"computePoints\":1,\"pricePerPointHour\":1}",
            f -> "api/nodes", statuses(401, 201, 201, 201, 201, 201, 201)));
    rules.put(
        "POST /api/nodes/{id}/heartbeat",
        new Rule(
            "{\"cpuPercent\":1.0,\"memoryUsedMiB\":1,\"diskUsedGiB\":1,\"runningVms\":0}",
            f -> "api/nodes/" + f.nodeId() + "/heartbeat",
            statuses(401, 403, 403, 403, 200, 403, 403)));
    // Only the account holding the key the node names may claim it; only its operator edits it.
    rules.put(
        "POST /api/nodes/{id}/claim",
        new Rule(
            "",
            f -> "api/nodes/" + f.nodeId() + "/claim",
            statuses(401, 403, 403, 403, 403, 403, 200)));
    rules.put(
        "PATCH /api/nodes/{id}/profile",
        new Rule(
            "{\"description\":\"matrix %s\"}",
            f -> "api/nodes/" + f.nodeId() + "/profile",
            statuses(401, 403, 403, 403, 403, 403, 200)));
    rules.put(
        "GET /api/account/nodes",
        new Rule(null, f -> "api/account/nodes", statuses(401, 200, 200, 200, 200, 200, 200)));
    rules.put(
        "POST /api/vms",
        new Rule(VM_BODY, f -> "api/vms", statuses(401, 201, 201, 201, 201, 201, 201)));
    rules.put(
        "GET /api/vms",
        new Rule(null, f -> "api/vms", statuses(401, 200, 200, 200, 200, 200, 200)));
    rules.put(
        "GET /api/vms/events",
        new Rule(null, f -> "api/vms/events", statuses(401, 200, 200, 200, 200, 200, 200)));
    rules.put(
        "GET /api/vms/{id}",
        new Rule(null, f -> "api/vms/" + f.vmId(), statuses(401, 200, 200, 404, 404, 404, 404)));
    rules.put(
        "DELETE /api/vms/{id}",
        new Rule(null, f -> "api/vms/" + f.vmId(), statuses(401, 200, 403, 404, 404, 404, 404)));
    // The VM under test never runs (no node is in its region): the owner and members get 409.
    rules.put(
        "POST /api/vms/{id}/restart",
        new Rule(
            "",
            f -> "api/vms/" + f.vmId() + "/restart",
            statuses(401, 409, 403, 404, 404, 404, 404)));
    rules.put(
        "POST /api/vms/{id}/terminal",
        new Rule(
            "",
            f -> "api/vms/" + f.vmId() + "/terminal",
            statuses(401, 409, 409, 404, 404, 404, 404)));
    rules.put(
        "GET /api/vms/{id}/members",
        new Rule(
            null,
            f -> "api/vms/" + f.vmId() + "/members",
            statuses(401, 200, 200, 404, 404, 404, 404)));
    rules.put(
        "PUT /api/vms/{id}/members/{accountId}",
        new Rule(
            null,
            f -> "api/vms/" + f.vmId() + "/members/" + f.thirdAccountId(),
            statuses(401, 204, 403, 404, 404, 404, 404)));
    rules.put(
        "DELETE /api/vms/{id}/members/{accountId}",
        new Rule(
            null,
            f -> "api/vms/" + f.vmId() + "/members/" + f.thirdAccountId(),
            statuses(401, 204, 403, 404, 404, 404, 404)));
    // Sign-in is open to all; the proof decides (these proofs are bad: 401 for everyone).
    rules.put(
        "POST /api/auth/siwe/nonce",
        new Rule("", f -> "api/auth/siwe/nonce", statuses(200, 200, 200, 200, 200, 200, 200)));
    rules.put(
        "POST /api/auth/siwe",
        new Rule(
            "{\"message\":\"x\",\"signature\":\"0x00\"}",
            f -> "api/auth/siwe",
            statuses(401, 401, 401, 401, 401, 401, 401)));
    rules.put(
        "POST /api/auth/nostr/challenge",
        new Rule("", f -> "api/auth/nostr/challenge", statuses(200, 200, 200, 200, 200, 200, 200)));
    rules.put(
        "POST /api/auth/nostr",
        new Rule(
            "{\"event\":{}}", f -> "api/auth/nostr", statuses(401, 401, 401, 401, 401, 401, 401)));
    rules.put(
        "POST /api/auth/logout",
        new Rule("", f -> "api/auth/logout", statuses(401, 204, 204, 204, 204, 204, 204)));
    rules.put(
        "GET /api/auth/sessions",
        new Rule(null, f -> "api/auth/sessions", statuses(401, 200, 200, 200, 200, 200, 200)));
    rules.put(
        "DELETE /api/auth/sessions/{id}",
        new Rule(
            null,
            f -> "api/auth/sessions/" + f.ownerSessionId(),
            statuses(401, 204, 404, 404, 404, 404, 404)));
    rules.put(
        "GET /api/account",
        new Rule(null, f -> "api/account", statuses(401, 200, 200, 200, 200, 200, 200)));
    rules.put(
        "PATCH /api/account",
        new Rule(
            "{\"displayName\":\"m\"}",
            f -> "api/account",
            statuses(401, 200, 200, 200, 200, 200, 200)));
    rules.put(
        "POST /api/account/keys",
        new Rule("{}", f -> "api/account/keys", statuses(401, 400, 400, 400, 400, 400, 400)));
    // A key nobody linked: no caller's account has it.
    rules.put(
        "DELETE /api/account/keys/{key}",
        new Rule(
            null,
            f -> "api/account/keys/" + "0".repeat(64),
            statuses(401, 404, 404, 404, 404, 404, 404)));
    for (String mine : List.of("account/balance", "account/ledger", "account/notices")) {
      rules.put(
          "GET /api/" + mine,
          new Rule(null, f -> "api/" + mine, statuses(401, 200, 200, 200, 200, 200, 200)));
    }
    rules.put(
        "GET /api/operator/earnings",
        new Rule(null, f -> "api/operator/earnings", statuses(401, 200, 200, 200, 200, 200, 200)));
    // The suite's server has no settlement chain: deposits are off (503) for everyone signed in.
    rules.put(
        "GET /api/account/deposit",
        new Rule(null, f -> "api/account/deposit", statuses(401, 503, 503, 503, 503, 503, 503)));
    rules.put(
        "PUT /api/operator/payout-address",
        new Rule(
            "{\"address\":\"0x00000000000000000000000000000000000000a1\"}",
            f -> "api/operator/payout-address",
            statuses(401, 200, 200, 200, 200, 200, 200)));
    rules.put(
        "GET /api/admin/deposits/unclaimed",
        new Rule(
            null,
            f -> "api/admin/deposits/unclaimed",
            statuses(401, 403, 403, 403, 403, 200, 403)));
    rules.put(
        "GET /api/vms/{id}/charges",
        new Rule(
            null,
            f -> "api/vms/" + f.vmId() + "/charges",
            statuses(401, 200, 200, 404, 404, 404, 404)));
    // The VM under test never ran, so it is not suspended: the owner gets 409.
    rules.put(
        "POST /api/vms/{id}/resume",
        new Rule(
            "",
            f -> "api/vms/" + f.vmId() + "/resume",
            statuses(401, 409, 403, 404, 404, 404, 404)));
    // The VM under test never ended (nor ran on a node), so its owner gets 409: nothing to review.
    rules.put(
        "POST /api/vms/{id}/review",
        new Rule(
            "{\"rating\":4}",
            f -> "api/vms/" + f.vmId() + "/review",
            statuses(401, 409, 403, 404, 404, 404, 404)));
    // Only admins credit; this account does not exist, so the admin gets 404.
    rules.put(
        "POST /api/admin/credits",
        new Rule(
            "{\"accountId\":\"00000000-0000-0000-0000-000000000000\",\"amount\":1,"
                + "\"reference\":\"matrix-%s\"}",
            f -> "api/admin/credits", statuses(401, 403, 403, 403, 403, 404, 403)));
    rules.put(
        "GET /api/admin/economics",
        new Rule(null, f -> "api/admin/economics", statuses(401, 403, 403, 403, 403, 200, 403)));
    // Templates: anyone reads the public catalogue; its author alone changes a template; anyone
    // signed in deploys a public one (here the VM fails: no node is in its region, so nobody
    // pays); only tenants who ran it rate it (nobody here did; its author never may).
    for (String open : List.of("templates", "templates/categories")) {
      rules.put(
          "GET /api/" + open,
          new Rule(null, f -> "api/" + open, statuses(200, 200, 200, 200, 200, 200, 200)));
    }
    rules.put(
        "GET /api/templates/{slug}",
        new Rule(
            null,
            f -> "api/templates/" + f.template(),
            statuses(200, 200, 200, 200, 200, 200, 200)));
    rules.put(
        "GET /api/templates/mine",
        new Rule(null, f -> "api/templates/mine", statuses(401, 200, 200, 200, 200, 200, 200)));
    rules.put(
        "POST /api/templates",
        new Rule(
            "{\"slug\":\"matrix-%s\"," + TEMPLATE_BODY + "}",
            f -> "api/templates",
            statuses(401, 201, 201, 201, 201, 201, 201)));
    rules.put(
        "PUT /api/templates/{slug}",
        new Rule(
            "{" + TEMPLATE_BODY + "}",
            f -> "api/templates/" + f.template(),
            statuses(401, 200, 403, 403, 403, 403, 403)));
    rules.put(
        "DELETE /api/templates/{slug}",
        new Rule(
            null,
            f -> "api/templates/" + f.template(),
            statuses(401, 204, 403, 403, 403, 403, 403)));
    rules.put(
        "POST /api/templates/{slug}/deploy",
        new Rule(
            "{\"region\":\"matrix-nowhere\"}",
            f -> "api/templates/" + f.template() + "/deploy",
            statuses(401, 201, 201, 201, 201, 201, 201)));
    rules.put(
        "PUT /api/templates/{slug}/rating",
        new Rule(
            "{\"stars\":3}",
            f -> "api/templates/" + f.template() + "/rating",
            statuses(401, 403, 403, 403, 403, 403, 403)));
    rules.put(
        "GET /api/marketplace/nodes",
        new Rule(null, f -> "api/marketplace/nodes", statuses(200, 200, 200, 200, 200, 200, 200)));
    rules.put(
        "GET /api/marketplace/nodes/featured",
        new Rule(
            null,
            f -> "api/marketplace/nodes/featured",
            statuses(200, 200, 200, 200, 200, 200, 200)));
    rules.put(
        "GET /api/marketplace/nodes/{id}",
        new Rule(
            null,
            f -> "api/marketplace/nodes/" + f.nodeId(),
            statuses(200, 200, 200, 200, 200, 200, 200)));
    rules.put(
        "GET /api/nostr/relays",
        new Rule(null, f -> "api/nostr/relays", statuses(200, 200, 200, 200, 200, 200, 200)));
    rules.put(
        "GET /api/operator/nodes",
        new Rule(null, f -> "api/operator/nodes", statuses(401, 200, 200, 200, 200, 200, 200)));
    // Quotes are public: anyone may price a spec, signed in or not.
    rules.put(
        "POST /api/quotes",
        new Rule(
            "{\"vcpus\":1,\"memoryMiB\":64,\"diskGiB\":1,\"tier\":\"BURSTABLE\"}",
            f -> "api/quotes",
            statuses(200, 200, 200, 200, 200, 200, 200)));
    rules.put(
        "GET /api/admin/accounts",
        new Rule(null, f -> "api/admin/accounts", statuses(401, 403, 403, 403, 403, 200, 403)));
    return rules;
  }

  /**
   * WebSockets authenticate inside the connection: a terminal needs a one-time ticket (issued by
   * the terminal row above), the agent link a signed challenge. Without them every caller is closed
   * with 1008 (policy violation) or 1003 (cannot accept).
   */
  private static Map<String, Function<Fixture, String>> webSockets() {
    Map<String, Function<Fixture, String>> sockets = new LinkedHashMap<>();
    sockets.put(
        "/ws/vms/{id}/terminal", f -> "ws/vms/" + f.vmId() + "/terminal?ticket=" + "00".repeat(32));
    sockets.put("/ws/agent", f -> "ws/agent");
    return sockets;
  }

  /** The Nostr relay is open to every client, signed in or not (events carry their signatures). */
  private static final Set<String> PUBLIC_WEB_SOCKETS = Set.of("/relay");

  @Test
  void everyEndpointHasARuleAndEveryCallerGetsWhatTheRuleSays() throws Exception {
    Map<String, Rule> rules = rules();
    assertEquals(
        new TreeSet<>(restEndpoints()),
        new TreeSet<>(rules.keySet()),
        "REST endpoints without a rule (or rules without an endpoint)");
    assertEquals(
        new TreeSet<>(webSocketEndpoints()),
        new TreeSet<>(
            java.util.stream.Stream.concat(
                    webSockets().keySet().stream(), PUBLIC_WEB_SOCKETS.stream())
                .toList()),
        "WebSockets without a rule");

    HearthApi api = new HearthApi(base);
    List<String> mismatches = new ArrayList<>();
    for (Map.Entry<String, Rule> row : rules.entrySet()) {
      String method = row.getKey().substring(0, row.getKey().indexOf(' '));
      for (Actor actor : Actor.values()) {
        Callers callers = new Callers(api);
        Fixture fixture = callers.fixture();
        Rule rule = row.getValue();
        String body = rule.body() == null ? null : rule.body().formatted(System.nanoTime());
        HearthApi.Reply reply = callers.call(actor, method, rule.path().apply(fixture), body);
        int expected = rule.expected().get(actor);
        if (reply.status() != expected) {
          mismatches.add(
              row.getKey() + " as " + actor + ": expected " + expected + ", got " + reply);
        }
      }
    }
    assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));

    Fixture fixture = new Callers(api).fixture();
    for (Map.Entry<String, Function<Fixture, String>> socket : webSockets().entrySet()) {
      String url = api.url(socket.getValue().apply(fixture)).replaceFirst("^http", "ws");
      try (TerminalClient client = TerminalClient.connect(url)) {
        if (socket.getKey().equals("/ws/agent")) {
          client.sendText("{\"type\":\"auth\",\"nodeId\":\"x\"}");
        }
        int code = client.closed.get(10, TimeUnit.SECONDS);
        assertTrue(code == 1008 || code == 1003, socket.getKey() + " closed with " + code);
      }
    }
  }

  /**
   * Bad bodies, sent to every endpoint that reads a JSON object by a caller its rule lets through
   * (or, where no caller gets through, the owner): each gets a 4xx problem+json, never a 5xx. The
   * bodies: cut short, not an object, too large, and the rule's good body with one field at a time
   * of a type no field has (an object where a string, number or boolean is read).
   */
  @Test
  void everyJsonEndpointAnswersBadBodiesWithAProblem() throws Exception {
    HearthApi api = new HearthApi(base);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, Rule> row : rules().entrySet()) {
      Rule rule = row.getValue();
      if (rule.body() == null || !rule.body().startsWith("{")) {
        continue;
      }
      String method = row.getKey().substring(0, row.getKey().indexOf(' '));
      Actor actor =
          rule.expected().entrySet().stream()
              .filter(expected -> expected.getValue() / 100 == 2)
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(Actor.OWNER);
      Callers callers = new Callers(api);
      String path = rule.path().apply(callers.fixture());
      for (String body : badBodies(rule.body().formatted(System.nanoTime()))) {
        String call = row.getKey() + " as " + actor + " with " + abbreviated(body);
        try {
          HearthApi.Reply reply = callers.call(actor, method, path, body);
          checked++;
          if (!isProblem(reply, body.length() > TOO_LARGE ? 413 : 0)) {
            failures.add(call + ": got " + reply);
          }
        } catch (AssertionError e) {
          // No answer (a timeout) or no JSON: noted, and the sweep goes on.
          failures.add(call + ": " + e.getMessage());
        }
      }
    }
    assertTrue(checked > 100, "bad bodies sent: " + checked);
    assertTrue(failures.isEmpty(), String.join("\n", failures));

    // A body without a declared length is refused when it grows too large, also inside the parser.
    HearthApi.Reply streamed = api.postStreamed("api/quotes", tooLarge());
    assertTrue(isProblem(streamed, 413), "streamed: " + streamed);
  }

  private static String tooLarge() {
    return "{\"padding\":\"" + "x".repeat(TOO_LARGE) + "\"}";
  }

  /** A 4xx problem+json (of {@code status}, unless that is 0) whose body states its status. */
  private static boolean isProblem(HearthApi.Reply reply, int status) {
    return reply.status() / 100 == 4
        && (status == 0 || reply.status() == status)
        && reply.contentType().startsWith("application/problem+json")
        && reply.json().get("status").asInt() == reply.status();
  }

  private static List<String> badBodies(String good) throws IOException {
    List<String> bodies = new ArrayList<>();
    bodies.add(good.substring(0, good.length() / 2));
    bodies.add("[" + good + "]");
    bodies.add("\"" + good.replace("\"", "'") + "\"");
    bodies.add(tooLarge());
    ObjectNode object = (ObjectNode) HearthApi.JSON.readTree(good);
    List<String> fields = new ArrayList<>();
    object.fieldNames().forEachRemaining(fields::add);
    for (String field : fields) {
      ObjectNode wrong = object.deepCopy();
      wrong.putObject(field).put("unexpected", true);
      bodies.add(wrong.toString());
    }
    return bodies;
  }

  private static String abbreviated(String body) {
    return body.length() <= 120 ? body : body.substring(0, 120) + "… (" + body.length() + " chars)";
  }

  /** The actors of one row, each with fresh keys, and the resources they act on. */
  private static final class Callers {
    private final HearthApi api;
    private final Map<Actor, Tenant> tenants = new EnumMap<>(Actor.class);
    private final SimulatedNode node;

    Callers(HearthApi api) {
      this.api = api;
      for (Actor actor : List.of(Actor.OWNER, Actor.MEMBER, Actor.STRANGER, Actor.OPERATOR)) {
        tenants.put(actor, new Tenant(api));
      }
      tenants.put(Actor.ADMIN, new Tenant(api, NostrKeyPair.fromSecretKeyHex(Tenant.ADMIN_SECRET)));
      node = new SimulatedNode(api);
    }

    Fixture fixture() {
      Tenant owner = tenants.get(Actor.OWNER);
      HearthApi.Reply created = owner.post("api/vms", VM_BODY);
      assertEquals(201, created.status(), created.toString());
      String vmId = created.json().get("id").asText();
      String member = tenants.get(Actor.MEMBER).accountId();
      assertEquals(204, owner.put("api/vms/" + vmId + "/members/" + member).status());
      Tenant operator = tenants.get(Actor.OPERATOR);
      String nodeId =
          node.registerOperatedBy("matrix", operator.key.publicKeyHex()).json().get("id").asText();
      assertEquals(200, operator.post("api/nodes/" + nodeId + "/claim", "").status());
      String third = new Tenant(api).accountId();
      String sessionId = new SignIns(api).withNostr(owner.key).get("id").asText();
      String template = "matrix-" + vmId;
      HearthApi.Reply published =
          owner.post("api/templates", "{\"slug\":\"" + template + "\"," + TEMPLATE_BODY + "}");
      assertEquals(201, published.status(), published.toString());
      return new Fixture(vmId, nodeId, third, sessionId, template);
    }

    HearthApi.Reply call(Actor actor, String method, String path, String body) {
      if (actor == Actor.ANONYMOUS) {
        return api.send(path, method, body, Map.of());
      }
      if (actor == Actor.NODE) {
        String signature = node.sign(path, method, body == null ? "" : body);
        return api.send(path, method, body, Map.of("Authorization", signature));
      }
      return tenants.get(actor).send(method, path, body);
    }
  }

  private static Set<String> restEndpoints() throws IOException {
    Set<String> endpoints = new TreeSet<>();
    for (Class<?> type : webModuleClasses()) {
      jakarta.ws.rs.Path typePath = type.getAnnotation(jakarta.ws.rs.Path.class);
      if (typePath == null) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        String verb = httpMethod(method);
        if (verb != null) {
          jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
          endpoints.add(
              verb + " /api/" + typePath.value() + (sub == null ? "" : "/" + sub.value()));
        }
      }
    }
    return endpoints;
  }

  private static Set<String> webSocketEndpoints() throws IOException {
    Set<String> endpoints = new TreeSet<>();
    for (Class<?> type : webModuleClasses()) {
      ServerEndpoint endpoint = type.getAnnotation(ServerEndpoint.class);
      if (endpoint != null) {
        endpoints.add(endpoint.value());
      }
    }
    return endpoints;
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return verb.value();
      }
    }
    return null;
  }

  /** The classes the WAR's WEB-INF/classes holds: the web module's own build output. */
  private static List<Class<?>> webModuleClasses() throws IOException {
    Path classes = Path.of(System.getProperty("hearth.war")).resolveSibling("classes");
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        try {
          types.add(Class.forName(name, false, AuthorizationMatrixIT.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
          throw new AssertionError("cannot load " + name, e);
        }
      }
    }
    return types;
  }
}
