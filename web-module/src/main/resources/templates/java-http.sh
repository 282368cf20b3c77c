# A Java HTTP service run from a single source file (JDK's java launcher compiles it at start).
mkdir -p "$HOME/app"
[ -f "$HOME/app/Hello.java" ] || cat > "$HOME/app/Hello.java" <<'JAVA'
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

public class Hello {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(System.getenv("PORT"));
    String greeting = System.getenv("GREETING");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/",
        exchange -> {
          String text = greeting + " (Java " + Runtime.version().feature() + ")\n";
          byte[] body = text.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (var out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    System.out.println("listening on port " + port);
  }
}
JAVA
exec java $JAVA_OPTS "$HOME/app/Hello.java"
