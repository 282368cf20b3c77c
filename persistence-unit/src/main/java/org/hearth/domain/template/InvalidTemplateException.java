package org.hearth.domain.template;

import jakarta.ejb.ApplicationException;

/** A template that breaks a rule spanning its fields (the field is named as a client sends it). */
@ApplicationException(rollback = true)
public class InvalidTemplateException extends RuntimeException {

  private final String field;

  public InvalidTemplateException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
