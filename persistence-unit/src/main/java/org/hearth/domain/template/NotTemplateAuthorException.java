package org.hearth.domain.template;

import jakarta.ejb.ApplicationException;

/** Only a template's author may change or delete it; Hearth's seed templates nobody may. */
@ApplicationException(rollback = true)
public class NotTemplateAuthorException extends RuntimeException {

  public NotTemplateAuthorException(String slug) {
    super("only the author of template " + slug + " may change it");
  }
}
