package org.hearth.interfaces.rest.problem;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.util.Comparator;
import java.util.StringJoiner;
import org.hearth.application.billing.CreditReferenceTakenException;
import org.hearth.application.billing.InsufficientFundsException;
import org.hearth.application.billing.PaymentRequiredException;
import org.hearth.application.identity.KeyNotLinkedException;
import org.hearth.application.identity.KeyTakenException;
import org.hearth.application.identity.LastKeyException;
import org.hearth.application.identity.SignInException;
import org.hearth.application.identity.UnknownAccountException;
import org.hearth.application.identity.UnknownSessionException;
import org.hearth.application.scheduling.TargetNodeRefusedException;
import org.hearth.application.vm.VmNotRunningException;
import org.hearth.domain.node.NotNodeOperatorException;
import org.hearth.domain.node.NotNodeOwnerException;
import org.hearth.domain.node.UnknownNodeException;
import org.hearth.domain.reputation.AlreadyReviewedException;
import org.hearth.domain.reputation.ReviewNotAllowedException;
import org.hearth.domain.template.InvalidParametersException;
import org.hearth.domain.template.InvalidTemplateException;
import org.hearth.domain.template.NotTemplateAuthorException;
import org.hearth.domain.template.RatingNotAllowedException;
import org.hearth.domain.template.TemplateChangedException;
import org.hearth.domain.template.TemplateSlugTakenException;
import org.hearth.domain.template.UnknownTemplateException;
import org.hearth.domain.vm.IllegalVmTransitionException;
import org.hearth.domain.vm.InvalidVmRequestException;
import org.hearth.domain.vm.NotVmOwnerException;
import org.hearth.domain.vm.UnknownVmException;
import org.hearth.interfaces.rest.ConflictRetry;

/** Turns every exception that reaches JAX-RS into a problem+json response. */
public final class ProblemMappers {

  private static final System.Logger LOG = System.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  /** The problem for any throwable, looking through wrappers for a known cause. */
  static Problem problemFor(Throwable thrown) {
    // First, wherever it is: the JSON parser wraps the body's refusal to read past its limit in
    // exceptions of its own, which would otherwise make it a malformed body.
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof PayloadTooLargeException e) {
        return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage());
      }
    }
    // A body that could not be read (the client went away, or its stream broke off) is the
    // client's problem, not an error of the server's to log.
    if (thrown instanceof ProcessingException) {
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        if (t instanceof IOException) {
          return Problem.of(
              ProblemType.MALFORMED_REQUEST, "The body could not be read: " + t.getMessage());
        }
      }
    }
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof UnknownNodeException e) {
        return Problem.of(ProblemType.NOT_FOUND, e.getMessage());
      }
      if (t instanceof NotNodeOwnerException || t instanceof NotNodeOperatorException) {
        return Problem.of(ProblemType.FORBIDDEN, t.getMessage());
      }
      if (t instanceof UnknownVmException
          || t instanceof UnknownAccountException
          || t instanceof UnknownSessionException
          || t instanceof KeyNotLinkedException) {
        return Problem.of(ProblemType.NOT_FOUND, t.getMessage());
      }
      if (t instanceof NotVmOwnerException e) {
        return Problem.of(ProblemType.FORBIDDEN, e.getMessage());
      }
      if (t instanceof SignInException e) {
        return Problem.of(ProblemType.SIGN_IN_FAILED, e.getMessage());
      }
      if (t instanceof KeyTakenException || t instanceof LastKeyException) {
        return Problem.of(ProblemType.CONFLICT, t.getMessage());
      }
      if (t instanceof TargetNodeRefusedException
          || t instanceof VmNotRunningException
          || t instanceof IllegalVmTransitionException) {
        return Problem.of(ProblemType.CONFLICT, t.getMessage());
      }
      if (t instanceof PaymentRequiredException || t instanceof InsufficientFundsException) {
        return Problem.of(ProblemType.PAYMENT_REQUIRED, t.getMessage());
      }
      if (t instanceof InvalidTemplateException
          || t instanceof InvalidParametersException
          || t instanceof InvalidVmRequestException) {
        return Problem.of(ProblemType.INVALID_FIELD, t.getMessage());
      }
      if (t instanceof UnknownTemplateException) {
        return Problem.of(ProblemType.NOT_FOUND, t.getMessage());
      }
      if (t instanceof NotTemplateAuthorException || t instanceof RatingNotAllowedException) {
        return Problem.of(ProblemType.FORBIDDEN, t.getMessage());
      }
      if (t instanceof AlreadyReviewedException || t instanceof ReviewNotAllowedException) {
        return Problem.of(ProblemType.CONFLICT, t.getMessage());
      }
      if (t instanceof TemplateSlugTakenException
          || t instanceof TemplateChangedException
          || t instanceof CreditReferenceTakenException) {
        return Problem.of(ProblemType.CONFLICT, t.getMessage());
      }
      if (t instanceof ConstraintViolationException e) {
        return Problem.of(ProblemType.INVALID_FIELD, describe(e));
      }
      if (t instanceof JsonbException) {
        return Problem.of(
            ProblemType.MALFORMED_REQUEST,
            "The body is not valid JSON for this request: " + t.getMessage());
      }
      if (ConflictRetry.isConflict(t)) {
        return Problem.of(
            ProblemType.CONFLICT, "The resource was changed concurrently; retry the request");
      }
      if (t instanceof WebApplicationException e && e.getResponse() != null) {
        Response response = e.getResponse();
        if (response.getEntity() instanceof Problem problem) {
          return problem;
        }
        ProblemType type = ProblemType.forStatus(response.getStatus());
        return new Problem(type.uri(), type.title(), response.getStatus(), e.getMessage());
      }
    }
    LOG.log(System.Logger.Level.ERROR, "Unexpected error", thrown);
    return Problem.of(ProblemType.INTERNAL, "An unexpected error occurred; it has been logged");
  }

  private static String describe(ConstraintViolationException e) {
    StringJoiner details = new StringJoiner("; ");
    e.getConstraintViolations().stream()
        .sorted(Comparator.comparing(v -> field(v)))
        .forEach(v -> details.add(field(v) + ": " + v.getMessage()));
    return details.toString();
  }

  /**
   * The violating field as a client names it: a body property such as {@code gpus[0].model}, or the
   * query or path parameter's name.
   */
  static String field(ConstraintViolation<?> violation) {
    String parameter = "body";
    StringBuilder property = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case PARAMETER -> parameter = node.getName();
        case PROPERTY, CONTAINER_ELEMENT -> {
          // An element of a list carries its index on the node after the list's own node.
          if (node.isInIterable() && node.getIndex() != null) {
            property.append('[').append(node.getIndex()).append(']');
          }
          if (node.getKind() == ElementKind.PROPERTY) {
            property.append(property.length() > 0 ? "." : "").append(node.getName());
          }
        }
        default -> {}
      }
    }
    return property.length() == 0 ? parameter : property.toString();
  }

  /** Any exception not mapped more specifically. */
  @Provider
  public static class Fallback implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable thrown) {
      return problemFor(thrown).toResponse();
    }
  }

  /** Declared separately so it wins over the JAX-RS runtime's own validation mapper. */
  @Provider
  public static class Validation implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException thrown) {
      return problemFor(thrown).toResponse();
    }
  }

  /** Declared separately so it wins over the JAX-RS runtime's own mapper for web exceptions. */
  @Provider
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException thrown) {
      return problemFor(thrown).toResponse();
    }
  }

  /** Unreadable bodies: malformed JSON, wrong types. */
  @Provider
  public static class Processing implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException thrown) {
      Problem problem = problemFor(thrown);
      return problem.status() == 500
          ? Problem.of(
                  ProblemType.MALFORMED_REQUEST,
                  "The body could not be read: " + thrown.getMessage())
              .toResponse()
          : problem.toResponse();
    }
  }

  /** Business exceptions thrown out of EJBs arrive wrapped. */
  @Provider
  public static class Ejb implements ExceptionMapper<EJBException> {
    @Override
    public Response toResponse(EJBException thrown) {
      return problemFor(thrown).toResponse();
    }
  }
}
