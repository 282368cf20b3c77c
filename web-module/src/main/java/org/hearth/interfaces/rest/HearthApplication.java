package org.hearth.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The marketplace REST API under {@code /api}. */
@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Hearth",
            version = "0.1.0",
            description =
                "Censorship-resistant compute marketplace. Errors are application/problem+json;"
                    + " node requests are signed with NIP-98 (Authorization: Nostr <base64 event>)."))
public class HearthApplication extends Application {}
