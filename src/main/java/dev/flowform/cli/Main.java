package dev.flowform.cli;

/** Entry point of {@code java -jar flowform.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.standard().run(args));
  }
}
