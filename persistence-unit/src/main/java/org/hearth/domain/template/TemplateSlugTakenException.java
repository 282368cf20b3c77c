package org.hearth.domain.template;

import jakarta.ejb.ApplicationException;

/** Another template has this slug. */
@ApplicationException(rollback = true)
public class TemplateSlugTakenException extends RuntimeException {

  public TemplateSlugTakenException(String slug) {
    super("the slug " + slug + " is taken: choose another");
  }
}
