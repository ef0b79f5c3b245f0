package dev.flowform.status;

/**
 * One environment of the matrix.
 *
 * @param hasState whether its state file exists (without one, everything targeted is to create)
 */
public record EnvironmentColumn(String name, String sandbox, boolean hasState) {}
