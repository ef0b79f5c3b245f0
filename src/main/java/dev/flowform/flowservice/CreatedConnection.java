package dev.flowform.flowservice;

/** The answer to a create: the new id and its etag, quotes included. */
public record CreatedConnection(String id, String etag) {}
