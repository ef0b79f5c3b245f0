package dev.flowform.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowform.diag.FlowformException;
import dev.flowform.diag.InputFile;
import dev.flowform.diag.JsonProblems;
import dev.flowform.diag.Scrubber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes and reads saved plans ({@code plan --out FILE}, {@code apply FILE}) as JSON. */
public final class SavedPlanFile {
  private static final String HINT = "make the plan again with flowform plan --env ENV --out FILE";

  /** The largest saved plan read; a larger file is refused before it is read. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private final ObjectMapper mapper = new ObjectMapper();
  private final Scrubber scrubber;

  public SavedPlanFile() {
    this(new Scrubber());
  }

  /** Plans written go through the run's {@code scrubber}, like everything else it writes. */
  public SavedPlanFile(Scrubber scrubber) {
    this.scrubber = scrubber;
  }

  /**
   * Saves the plan, replacing the file at once (a temporary file beside it, then a rename).
   *
   * @throws FlowformException when the plan has unresolved references or the file cannot be written
   */
  public void write(Path file, Plan plan) {
    write(file, SavedPlan.of(plan));
  }

  /**
   * Saves the plan, replacing the file at once.
   *
   * @throws FlowformException when the file cannot be written
   */
  public void write(Path file, SavedPlan saved) {
    Path absolute = file.toAbsolutePath();
    try {
      String json = scrubber.scrub(PlanJson.writer(mapper).writeValueAsString(saved) + "\n");
      Path temp = Files.createTempFile(absolute.getParent(), ".flowform-plan", ".tmp");
      try {
        Files.writeString(temp, json, StandardCharsets.UTF_8);
        move(temp, absolute);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new FlowformException(
          "cannot write plan file " + file + ": " + e.getMessage(), null, e);
    }
  }

  /**
   * Reads a saved plan.
   *
   * @throws FlowformException naming the file when it is missing, unreadable, not a plan, or of a
   *     format version this flowform does not know
   */
  public SavedPlan read(Path file) {
    JsonNode tree;
    try {
      tree = mapper.readTree(InputFile.read(file, MAX_BYTES));
    } catch (InputFile.RefusedException e) {
      String at = file + (e.line() > 0 ? ":" + e.line() + ":" + e.column() : "");
      throw new FlowformException("plan file " + at + " " + e.getMessage(), HINT, e);
    } catch (NoSuchFileException e) {
      throw new FlowformException("plan file " + file + " does not exist", HINT, e);
    } catch (JsonProcessingException e) {
      throw new FlowformException(
          "plan file " + file + " is not valid JSON: " + JsonProblems.describe(e, scrubber),
          HINT,
          e);
    } catch (IOException e) {
      throw new FlowformException("cannot read plan file " + file + ": " + e.getMessage(), HINT, e);
    }
    JsonNode version = tree == null ? null : tree.get("formatVersion");
    if (version == null || !SavedPlan.FORMAT_VERSION.equals(version.asText())) {
      throw new FlowformException(
          "plan file "
              + file
              + " has format version "
              + (version == null
                  ? "(none)"
                  : version.asText().matches("[0-9]{1,6}")
                      ? version.toString()
                      : "(not a version number)")
              + "; this flowform reads version "
              + SavedPlan.FORMAT_VERSION,
          HINT);
    }
    try {
      return mapper.treeToValue(tree, SavedPlan.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String why =
          e instanceof JsonProcessingException j
              ? JsonProblems.describe(j, scrubber)
              : JsonProblems.withoutContent(e.getMessage(), scrubber);
      throw new FlowformException("plan file " + file + " is not a flowform plan: " + why, HINT, e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
