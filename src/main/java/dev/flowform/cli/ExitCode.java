package dev.flowform.cli;

/** The exit codes, everywhere. */
public final class ExitCode {
  /** Success; with --detailed-exitcode, also: no changes. */
  public static final int OK = 0;

  /** Any error, a command line flowform cannot use included. */
  public static final int ERROR = 1;

  /** Only with --detailed-exitcode: the plan has changes. */
  public static final int CHANGES = 2;

  /** Interrupted by SIGINT or SIGTERM. */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
