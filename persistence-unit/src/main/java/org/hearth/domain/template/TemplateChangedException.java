package org.hearth.domain.template;

import jakarta.ejb.ApplicationException;

/** The template changed while a deployment was being prepared from it. */
@ApplicationException(rollback = true)
public class TemplateChangedException extends RuntimeException {

  public TemplateChangedException(String slug, long expected, long now) {
    super(
        "template " + slug + " changed from version " + expected + " to " + now + "; deploy again");
  }
}
