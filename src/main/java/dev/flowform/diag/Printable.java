package dev.flowform.diag;

/**
 * Text from outside (a user name, a host name, a CI job id, a row another run wrote) made safe to
 * store and to print on someone's terminal: control characters (escape sequences, bells, line
 * breaks) and invisible format characters (bidirectional overrides) are dropped.
 */
public final class Printable {
  private Printable() {}

  /** The text without its control and format characters; null stays null. */
  public static String of(String text) {
    if (text == null || text.codePoints().noneMatch(Printable::hidden)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().filter(c -> !hidden(c)).forEach(out::appendCodePoint);
    return out.toString();
  }

  private static boolean hidden(int codePoint) {
    return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT;
  }
}
