package fr.veza.platform.errors;

/** One invalid field of a request, named as the client sent it. */
public record FieldViolation(String field, String message) {}
