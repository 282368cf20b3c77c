package org.hearth.it;

import static org.hearth.it.AgentEndToEndIT.awaitNode;
import static org.hearth.it.AgentEndToEndIT.awaitVm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hearth.protocol.nostr.EventSigner;
import org.hearth.protocol.nostr.NostrEvent;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every seed template deployed on a real node agent, checked from inside its VM through the
 * terminal: its service answers, its parameters (secrets included) arrived. One agent; the VMs of a
 * batch start together. Needs the host tools {@code server-config/setup} installs.
 */
@ExtendWith(ArquillianExtension.class)
class TemplateSeedsIT {

  private static final Duration CHECK = Duration.ofSeconds(90);

  /** Waits until a port inside the VM accepts connections (up to 60 s), using bash's /dev/tcp. */
  private static final String WAIT_FOR_PORT =
      "w(){ for i in $(seq 1 240); do (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0;"
          + " sleep 0.25; done; return 1; }\n";

  @Deployment(testable = false)
  static WebArchive hearth() {
    return Deployments.hearthWar();
  }

  @ArquillianResource URL base;

  /**
   * How one seed is deployed and checked: parameters, keys typed into its terminal, and what the
   * terminal must then print (never a text the keys themselves contain: the terminal echoes them).
   */
  private record Check(String slug, Map<String, String> parameters, String keys, Pattern expect) {}

  @Test
  void everySeedTemplateRunsOnARealAgent() throws Exception {
    HearthApi api = new HearthApi(base);
    Tenant tenant = Tenant.funded(api);
    List<Check> checks = checks();
    assertEquals(
        TemplateApiIT.SEEDS.stream().sorted().toList(),
        checks.stream().map(Check::slug).sorted().toList(),
        "every seed template has a check");
    try (AgentProcess agent = new AgentProcess(api.url(""), "seeds-" + System.nanoTime()).start()) {
      JsonNode node = awaitNode(api, agent.region, "ONLINE");
      List<String> tools = TemplateApiIT.strings(node.get("hostTools"));
      for (String needed :
          List.of("busybox", "python3", "redis-server", "sqlite3", "gcc", "make", "node", "perl")) {
        assertTrue(
            tools.contains(needed), "run server-config/setup: no " + needed + " in " + tools);
      }
      // Five at a time: the agent takes 8 VMs; the machines that run the tests may have 2 cores.
      for (int from = 0; from < checks.size(); from += 5) {
        runBatch(tenant, agent, checks.subList(from, Math.min(checks.size(), from + 5)));
      }
    }
  }

  private static void runBatch(Tenant tenant, AgentProcess agent, List<Check> batch)
      throws Exception {
    Map<Check, String> vms = new LinkedHashMap<>();
    for (Check check : batch) {
      String body =
          HearthApi.JSON.writeValueAsString(
              Map.of("parameters", check.parameters(), "region", agent.region));
      HearthApi.Reply deployed = tenant.post("api/templates/" + check.slug() + "/deploy", body);
      assertEquals(201, deployed.status(), deployed.toString());
      vms.put(check, deployed.json().get("id").asText());
    }
    try {
      for (Map.Entry<Check, String> vm : vms.entrySet()) {
        Check check = vm.getKey();
        JsonNode running = awaitVm(tenant, vm.getValue(), "RUNNING");
        for (String value : check.parameters().values()) {
          if (value.startsWith("secret-")) {
            assertFalse(running.toString().contains(value), "a secret shown: " + running);
          }
        }
        String url =
            tenant.post("api/vms/" + vm.getValue() + "/terminal", "").json().get("url").asText();
        try (TerminalClient terminal = TerminalClient.connect(url)) {
          terminal.type(WAIT_FOR_PORT + check.keys());
          try {
            terminal.await(check.expect(), CHECK);
          } catch (AssertionError e) {
            JsonNode now = tenant.get("api/vms/" + vm.getValue()).json();
            throw new AssertionError(check.slug() + " (VM now " + now + "): " + e.getMessage(), e);
          }
        }
      }
    } finally {
      vms.values().forEach(id -> tenant.delete("api/vms/" + id));
    }
    for (String id : vms.values()) {
      awaitVm(tenant, id, "TERMINATED");
    }
  }

  private static List<Check> checks() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    NostrEvent note =
        new EventSigner(NostrKeyPair.generate())
            .sign(1, List.of(List.of("t", "hearth")), "seeded note " + tag, Instant.now());
    List<Check> checks = new ArrayList<>();
    checks.add(
        new Check(
            "shell-box",
            Map.of("MOTD", "motd " + tag),
            "echo \"sum=$((40+2))\"\n",
            Pattern.compile("motd " + tag + "[\\s\\S]*sum=42")));
    checks.add(
        new Check(
            "static-site",
            Map.of("SITE_TITLE", "Site " + tag),
            "w 8080 && busybox wget -qO- http://127.0.0.1:8080/ | grep -o '<h1>.*</h1>'\n",
            Pattern.compile(Pattern.quote("<h1>Site " + tag + "</h1>"))));
    checks.add(
        new Check(
            "python-api",
            Map.of("API_TOKEN", "secret-" + tag),
            "w 8000 && python3 -c \"import os,urllib.request as u;"
                + "r=u.urlopen(u.Request('http://127.0.0.1:8000/notes',data=b'[1]',"
                + "headers={'Authorization':'Bearer '+os.environ['API_TOKEN']}));"
                + "print('created', r.status)\"\n"
                + "(exec 3<>/dev/tcp/127.0.0.1/8000; printf 'GET /notes HTTP/1.0\\r\\n\\r\\n' >&3;"
                + " head -1 <&3)\n",
            Pattern.compile("created 201[\\s\\S]*401 Unauthorized")));
    checks.add(
        new Check(
            "redis",
            Map.of("REDIS_PASSWORD", "secret-" + tag),
            "w 6379 && REDISCLI_AUTH=\"$REDIS_PASSWORD\" redis-cli SET greeting \"$(echo hey |"
                + " tr a-z A-Z)-$((6*7))\" && REDISCLI_AUTH=\"$REDIS_PASSWORD\" redis-cli GET"
                + " greeting; redis-cli GET greeting\n",
            Pattern.compile("HEY-42[\\s\\S]*NOAUTH")));
    checks.add(
        new Check(
            "sqlite-box",
            Map.of("DB_FILE", "box.db"),
            "for i in $(seq 80); do sqlite3 ~/box.db .tables | grep -q notes && break; sleep 0.25;"
                + " done; sqlite3 ~/box.db \"INSERT INTO notes(body) VALUES ('x');"
                + " SELECT 'rows' || '=' || count(*) FROM notes;\"\n",
            Pattern.compile("rows=1")));
    checks.add(
        new Check(
            "c-build-box",
            Map.of(),
            "for i in $(seq 240); do [ -x ~/hello/hello ] && break; sleep 0.25; done; ~/hello/hello;"
                + " printf 'int main(void){return 40+2;}' > t.c && cc t.c -o t && ./t;"
                + " echo \"exit=$?\"\n",
            Pattern.compile("hello from a Hearth build box[\\s\\S]*exit=42")));
    checks.add(
        new Check(
            "node-http",
            Map.of("MESSAGE", "node " + tag),
            "w 3000 && node -e 'fetch(\"http://127.0.0.1:3000/p\").then(r=>r.json())"
                + ".then(j=>console.log(j.message+\"|\"+j.path+\"|\"+j.hits))'\n",
            Pattern.compile(Pattern.quote("node " + tag + "|/p|1"))));
    checks.add(
        new Check(
            "java-http",
            Map.of("GREETING", "java " + tag),
            "w 8080 && (exec 3<>/dev/tcp/127.0.0.1/8080; printf 'GET / HTTP/1.0\\r\\n\\r\\n' >&3;"
                + " cat <&3)\n",
            Pattern.compile(Pattern.quote("java " + tag + " (Java "))));
    checks.add(
        new Check(
            "perl-kv",
            Map.of(),
            "w 7070 && (exec 3<>/dev/tcp/127.0.0.1/7070; printf 'SET colour teal\\nGET colour\\n'"
                + " >&3; read -r a <&3; read -r b <&3; echo \"kv=$a/$b\")\n",
            Pattern.compile("kv=OK/teal")));
    checks.add(
        new Check(
            "nostr-relay",
            Map.of("RELAY_NAME", "relay " + tag),
            "export EV='" + note.toJson() + "'\n" + relayClient(),
            Pattern.compile(
                "\"name\": \"relay "
                    + tag
                    + "\"[\\s\\S]*accepted=True[\\s\\S]*stored=True[\\s\\S]*forged=False")));
    return checks;
  }

  /**
   * Asks the relay for its NIP-11 document, then speaks NIP-01 over a WebSocket: publishes the
   * test's signed event, reads it back, and tries a forged copy.
   */
  private static String relayClient() {
    return "w 7777 && (exec 3<>/dev/tcp/127.0.0.1/7777; printf 'GET / HTTP/1.0\\r\\nAccept:"
        + " application/nostr+json\\r\\n\\r\\n' >&3; cat <&3; echo)\n"
        + "cat > relay_check.py <<'PY'\n"
        + "import json, os, socket, struct\n"
        + "s = socket.create_connection(('127.0.0.1', 7777))\n"
        + "s.send(b'GET / HTTP/1.1\\r\\nHost: r\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\n'\n"
        + "       b'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\nSec-WebSocket-Version: 13\\r\\n\\r\\n')\n"
        + "f = s.makefile('rb')\n"
        + "while f.readline() not in (b'\\r\\n', b''): pass\n"
        + "def send(m):\n"
        + "    d = json.dumps(m).encode(); k = os.urandom(4)\n"
        + "    s.send(bytes([129, 254]) + struct.pack('>H', len(d)) + k"
        + " + bytes(c ^ k[i % 4] for i, c in enumerate(d)))\n"
        + "def recv():\n"
        + "    b = f.read(2); n = b[1] & 127\n"
        + "    if n == 126: n = struct.unpack('>H', f.read(2))[0]\n"
        + "    return json.loads(f.read(n))\n"
        + "e = json.loads(os.environ['EV'])\n"
        + "send(['EVENT', e]); print('accepted=' + str(recv()[2]))\n"
        + "send(['REQ', 'q', {'ids': [e['id']]}]); r = recv(); eose = recv()\n"
        + "print('stored=' + str(r[0] == 'EVENT' and r[2]['content'] == e['content']"
        + " and eose[0] == 'EOSE'))\n"
        + "send(['EVENT', dict(e, content='forged')]); print('forged=' + str(recv()[2]))\n"
        + "PY\n"
        + "python3 relay_check.py\n";
  }
}
