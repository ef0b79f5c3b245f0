package dev.flowform.manifest;

import dev.flowform.diag.SourcePosition;

/**
 * One entry of an Environment's {@code spec.imports}: adopt the existing connection {@code id} as
 * {@code address}.
 *
 * @param position where the entry is written, for errors about it
 */
public record DeclaredImport(String address, String id, SourcePosition position) {}
