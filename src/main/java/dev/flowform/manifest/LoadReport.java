package dev.flowform.manifest;

/**
 * A load with the counts {@code validate} prints.
 *
 * @param connections HubSpotConnection documents read (all of them)
 * @param pipeline documents of the pipeline kinds read (all of them)
 * @param selected the environment the run was about, if one was
 */
public record LoadReport(
    LoadResult result,
    int connections,
    int pipeline,
    int environments,
    java.util.Optional<String> selected) {}
