package dev.flowform.manifest;

import dev.flowform.diag.InputFile;
import dev.flowform.manifest.doc.References.Ref;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Reads the file of one {@code ${file:PATH}}: relative to the file holding the reference, inside
 * what {@link FileAccess} allows (its real path checked, then opened once without following a link,
 * see {@link OpenedOnce}), a regular file (never a device, FIFO or socket, which could block or
 * never end) of at most {@link FileAccess#MAX_BYTES} read through {@link InputFile} like every
 * other input, UTF-8, one trailing newline dropped. Failures name the reference, never the content.
 */
final class FileReference {
  private static final String LIMIT = "1 MiB";
  private static final String WIDER =
      "${file:} reads inside the project (the folder holding the manifests folder);"
          + " allow another folder with --allow-file-root PATH";

  private FileReference() {}

  /** The content, or null with a failure added. */
  static String read(
      Ref ref, Path baseDir, FileAccess access, List<Interpolator.Failure> failures) {
    Path given;
    try {
      given = Path.of(ref.argument());
    } catch (InvalidPathException e) {
      failures.add(failure(ref, "not a valid path", null));
      return null;
    }
    if (given.isAbsolute() && !access.allowsAbsolute(given)) {
      failures.add(refused(ref, "an absolute path is not allowed", WIDER));
      return null;
    }
    Path target = baseDir.toAbsolutePath().resolve(given).normalize();
    if (!access.allows(target)) {
      failures.add(refused(ref, "the path leads outside the project", WIDER));
      return null;
    }
    Path real;
    try {
      real = target.toRealPath();
    } catch (IOException e) {
      failures.add(openFailure(ref, e));
      return null;
    }
    if (!access.allowsReal(real)) {
      failures.add(refused(ref, "a symbolic link leads outside the project", WIDER));
      return null;
    }
    return content(ref, real, failures);
  }

  /** Opens the file once, without following links, and checks what was opened before reading. */
  private static String content(Ref ref, Path real, List<Interpolator.Failure> failures) {
    byte[] bytes;
    try {
      OpenedOnce.Opened opened = OpenedOnce.open(real);
      try (SeekableByteChannel channel = opened.channel()) {
        BasicFileAttributes attributes = opened.attributes();
        if (attributes.isDirectory()) {
          failures.add(refused(ref, "it is a folder", null));
          return null;
        }
        if (!attributes.isRegularFile()) {
          failures.add(
              refused(ref, "not a regular file", "a device, FIFO or socket is never read"));
          return null;
        }
        if (attributes.size() > FileAccess.MAX_BYTES) {
          failures.add(tooLarge(ref));
          return null;
        }
        // one reader for every input
        bytes = InputFile.read(channel, FileAccess.MAX_BYTES, attributes.size());
      }
    } catch (InputFile.RefusedException e) {
      failures.add(tooLarge(ref));
      return null;
    } catch (OpenedOnce.ChangedException e) {
      failures.add(refused(ref, e.getMessage() + ": read nothing", null));
      return null;
    } catch (IOException e) {
      failures.add(
          Files.isSymbolicLink(real)
              ? refused(ref, "it was replaced by a symbolic link: read nothing", null)
              : openFailure(ref, e));
      return null;
    }
    return text(ref, bytes, failures);
  }

  private static Interpolator.Failure openFailure(Ref ref, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new Interpolator.Failure(
          ref.offset(),
          ref.text() + ": cannot read file (no such file)",
          "the path is relative to the file holding the reference",
          false);
    }
    if (e instanceof AccessDeniedException) {
      return failure(ref, "permission denied", null);
    }
    return failure(ref, e.getClass().getSimpleName(), null);
  }

  private static String text(Ref ref, byte[] bytes, List<Interpolator.Failure> failures) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      failures.add(failure(ref, "not UTF-8 text", null));
      return null;
    }
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  private static Interpolator.Failure tooLarge(Ref ref) {
    return refused(
        ref, "larger than the " + LIMIT + " limit", "a ${file:} holds one secret or value");
  }

  /** A file flowform will not read: an error in every resolution, never tolerated. */
  private static Interpolator.Failure refused(Ref ref, String reason, String hint) {
    return new Interpolator.Failure(
        ref.offset(), ref.text() + ": cannot read file (" + reason + ")", hint, false, true);
  }

  private static Interpolator.Failure failure(Ref ref, String reason, String hint) {
    return new Interpolator.Failure(
        ref.offset(), ref.text() + ": cannot read file (" + reason + ")", hint, false);
  }
}
