package org.hearth.infrastructure.persistence;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The bean's lost races for rows (see {@link ConcurrentChangeException#isLostRace}) reach its
 * callers as {@link ConcurrentChangeException}, for beans whose callers retry them (heartbeats,
 * sign-ins, edits): the container then neither wraps them nor logs each as a system error.
 */
@InterceptorBinding
@Target({TYPE, METHOD})
@Retention(RUNTIME)
public @interface ReportsConcurrentChanges {}
