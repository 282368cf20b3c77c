package org.hearth.interfaces.nostr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.application.compute.ComputeRefusal;
import org.hearth.domain.vm.VmRequest;
import org.hearth.interfaces.rest.vm.CreateVmRequest;

/**
 * Reads a job request's content: the body {@code POST /api/vms} takes, checked by the same rules,
 * so a VM asked for over Nostr is exactly one asked for over REST.
 */
@ApplicationScoped
public class JobSpecReader {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject Validator validator;

  /**
   * @throws ComputeRefusal naming what is wrong with the content
   */
  public VmRequest read(String content) {
    CreateVmRequest request;
    try {
      request = JSONB.fromJson(content, CreateVmRequest.class);
    } catch (JsonbException e) {
      throw new ComputeRefusal("invalid: the content is not a VM spec in JSON");
    }
    if (request == null) {
      throw new ComputeRefusal("invalid: the content is not a VM spec in JSON");
    }
    Set<ConstraintViolation<CreateVmRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new ComputeRefusal(
          "invalid: "
              + violations.stream()
                  .map(v -> v.getPropertyPath() + " " + v.getMessage())
                  .sorted()
                  .collect(Collectors.joining("; ")));
    }
    return request.toRequest();
  }
}
