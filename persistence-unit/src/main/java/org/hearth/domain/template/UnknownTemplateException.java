package org.hearth.domain.template;

import jakarta.ejb.ApplicationException;

/** No template with this slug, or one the caller may not see. */
@ApplicationException(rollback = true)
public class UnknownTemplateException extends RuntimeException {

  public UnknownTemplateException(String slug) {
    super("no template " + slug);
  }
}
