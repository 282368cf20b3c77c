package org.hearth.interfaces.rest.security;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The request must speak for an account: a session ({@code Authorization: Bearer} or the session
 * cookie) or a NIP-98 signature by one of the account's Nostr keys. The principal is a {@link
 * Caller}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Authenticated {}
