package dev.flowform.kinds.dataflow;

import dev.flowform.manifest.doc.ConnectionManifest;
import dev.flowform.manifest.doc.Rules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A {@code kind: Dataflow} document as written. */
public record DataflowManifest(
    String apiVersion,
    String kind,
    @NotNull(message = Rules.REQUIRED) @Valid ConnectionManifest.Metadata metadata,
    @NotNull(message = Rules.REQUIRED) @Valid Spec spec) {

  /** The dataflow as AEP gets it; source, target and mapping name other manifests. */
  public record Spec(
      @NotBlank(message = Rules.REQUIRED) @Size(max = Rules.AEP_NAME_MAX, message = Rules.LENGTH)
          String name,
      @Size(max = Rules.DESCRIPTION_MAX, message = Rules.LENGTH) String description,
      @NotBlank(message = Rules.REQUIRED)
          @Pattern(regexp = Rules.NAME_PATTERN, message = Rules.NAME_SHAPE)
          String source,
      @NotBlank(message = Rules.REQUIRED)
          @Pattern(regexp = Rules.NAME_PATTERN, message = Rules.NAME_SHAPE)
          String target,
      @Pattern(regexp = Rules.NAME_PATTERN, message = Rules.NAME_SHAPE) String mapping,
      @Size(max = 256, message = Rules.LENGTH) String flowSpec,
      @Valid DeltaColumn deltaColumn,
      @NotNull(message = Rules.REQUIRED) @Valid Schedule schedule,
      Boolean enabled) {}

  /** The Copy transformation's delta column, which CRM sources need. */
  public record DeltaColumn(
      @NotBlank(message = Rules.REQUIRED) String name, String dateFormat, String timezone) {}

  /** {@code scheduleParams}: how often the flow runs, from when. */
  public record Schedule(
      @NotBlank(message = Rules.REQUIRED) String frequency,
      Integer interval,
      @NotBlank(message = Rules.REQUIRED) String startTime,
      Boolean backfill) {}
}
