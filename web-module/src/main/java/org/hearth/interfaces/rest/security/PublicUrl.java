package org.hearth.interfaces.rest.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The scheme, host and port clients use to reach Hearth ({@code hearth.public-url}), against which
 * signed requests' URLs are checked. Defaults to {@code http://localhost:<port>}.
 */
@ApplicationScoped
public class PublicUrl {

  @Inject
  @ConfigProperty(name = "hearth.public-url")
  Optional<String> configured;

  /** The public base URL, without a trailing slash, for a request that arrived on {@code port}. */
  public String of(int localPort) {
    return configured
        .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
        .orElse("http://localhost:" + localPort);
  }
}
