package dev.flowform.manifest.doc;

/** Shared constraint texts and patterns of the document records. */
public final class Rules {
  public static final String API_VERSION = "flowform/v1";
  public static final String REQUIRED = "is required";
  public static final int NAME_MAX = 63;
  public static final String NAME_PATTERN = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  public static final String NAME_LENGTH = "must be at most {max} characters";

  /**
   * The longest AEP connection name flowform sends. Adobe's API description and documentation give
   * no limit; this one is flowform's own (documented in the README and the schema), far above any
   * name a person reads, so that a runaway value fails at validation, not at the platform.
   */
  public static final int AEP_NAME_MAX = 256;

  /** The longest connection description flowform sends; flowform's own limit, as above. */
  public static final int DESCRIPTION_MAX = 1024;

  public static final String LENGTH = "must be at most {max} characters (flowform's limit)";
  public static final String NAME_SHAPE =
      "must be lower case letters, digits and '-', starting and ending with a letter or digit";
  public static final String UUID_PATTERN =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  /**
   * An address {@code spec.imports} may name: a connection's name, or a pipeline resource's {@code
   * <kind prefix>.<name>} ({@code dataflow.orders}).
   */
  public static final String IMPORT_ADDRESS_PATTERN =
      "((source|target|mapping|dataflow)\\.)?" + NAME_PATTERN;

  public static final String IMPORT_ADDRESS_SHAPE =
      "must be a connection's name or a pipeline resource's address (source.NAME, target.NAME,"
          + " mapping.NAME, dataflow.NAME)";

  /** The id of an existing resource: a UUID, or a mapping set's 32 hex digits. */
  public static final String IMPORT_ID_PATTERN = UUID_PATTERN + "|[0-9a-fA-F]{32}";

  private Rules() {}
}
