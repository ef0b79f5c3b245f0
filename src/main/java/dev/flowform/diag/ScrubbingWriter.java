package dev.flowform.diag;

import java.io.IOException;
import java.io.Writer;

/**
 * Holds what is written until a flush, then passes it on scrubbed. A large unflushed text is passed
 * on up to its last line break, so memory stays bounded.
 */
final class ScrubbingWriter extends Writer {
  private static final int HOLD_LIMIT = 256 * 1024;

  private final Writer out;
  private final Scrubber scrubber;
  private final StringBuilder held = new StringBuilder();

  ScrubbingWriter(Writer out, Scrubber scrubber) {
    this.out = out;
    this.scrubber = scrubber;
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    synchronized (lock) {
      held.append(chars, offset, length);
      if (held.length() > HOLD_LIMIT) {
        int end = held.lastIndexOf("\n") + 1;
        if (end > 0) {
          pass(end);
        }
      }
    }
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    synchronized (lock) {
      held.append(text, offset, offset + length);
      if (held.length() > HOLD_LIMIT) {
        int end = held.lastIndexOf("\n") + 1;
        if (end > 0) {
          pass(end);
        }
      }
    }
  }

  @Override
  public void flush() throws IOException {
    synchronized (lock) {
      pass(held.length());
      out.flush();
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      flush();
      out.close();
    }
  }

  private void pass(int end) throws IOException {
    if (end == 0) {
      return;
    }
    String text = held.substring(0, end);
    held.delete(0, end);
    out.write(scrubber.scrub(text));
  }
}
