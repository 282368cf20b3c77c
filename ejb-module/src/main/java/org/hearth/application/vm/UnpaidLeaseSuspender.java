package org.hearth.application.vm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.hearth.application.billing.LeaseUnpaid;

/** Suspends the VM of a lease whose next period could not be paid, in the billing transaction. */
@ApplicationScoped
public class UnpaidLeaseSuspender {

  @Inject VmService vms;

  void suspend(@Observes LeaseUnpaid unpaid) {
    vms.suspend(unpaid.vmId(), "the balance cannot pay the next billing period");
  }
}
