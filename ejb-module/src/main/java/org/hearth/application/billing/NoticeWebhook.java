package org.hearth.application.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs each raised notice as JSON to {@code hearth.billing.webhook-url}, once it is committed.
 * Best effort: a webhook that fails is logged; the notice stays visible through the API.
 */
@ApplicationScoped
public class NoticeWebhook {

  private static final System.Logger LOG = System.getLogger(NoticeWebhook.class.getName());

  @Inject BillingSettings settings;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticeRaised notice) {
    settings
        .webhookUrl()
        .ifPresent(
            url -> {
              String body =
                  Json.createObjectBuilder()
                      .add("accountId", notice.accountId())
                      .add("kind", notice.kind())
                      .add("message", notice.message())
                      .add("raisedAt", notice.raisedAt().toString())
                      .build()
                      .toString();
              HttpRequest request =
                  HttpRequest.newBuilder(URI.create(url))
                      .timeout(Duration.ofSeconds(10))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build();
              http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                  .whenComplete(
                      (response, error) -> {
                        if (error != null || response.statusCode() >= 300) {
                          LOG.log(
                              System.Logger.Level.WARNING,
                              "account {0}: notice webhook failed: {1}",
                              notice.accountId(),
                              error != null ? error.toString() : "HTTP " + response.statusCode());
                        }
                      });
            });
  }
}
