package org.hearth.infrastructure.persistence;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Turns a lost race thrown by a {@link ReportsConcurrentChanges} bean into its own exception. */
@ReportsConcurrentChanges
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ConcurrentChangeReporter {

  @AroundInvoke
  public Object report(InvocationContext call) throws Exception {
    try {
      return call.proceed();
    } catch (RuntimeException e) {
      if (!(e instanceof ConcurrentChangeException) && ConcurrentChangeException.isLostRace(e)) {
        throw new ConcurrentChangeException(e);
      }
      throw e;
    }
  }
}
