package dev.flowform.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Builds the pipeline's Flow Service APIs over one resource store. */
final class Pipeline {
  private Pipeline() {}

  static PipelineApis apis(
      ResourceStore resources,
      FaultInjector faults,
      ObjectMapper mapper,
      Ids ids,
      EmulatorConfig config,
      String base) {
    Runs runs = new Runs(mapper, config.clock());
    ResourceDocument documents = new ResourceDocument(mapper, runs);
    FlowRules flows = new FlowRules(mapper, config.clock());
    Map<String, ResourcesApi> collections =
        Map.of(
            ResourceKind.SOURCE_CONNECTION.collection(),
            new ResourcesApi(
                SourceConnectionRules.of(mapper),
                resources,
                documents,
                faults,
                mapper,
                ids,
                config,
                base),
            ResourceKind.TARGET_CONNECTION.collection(),
            new ResourcesApi(
                TargetConnectionRules.of(mapper),
                resources,
                documents,
                faults,
                mapper,
                ids,
                config,
                base),
            ResourceKind.FLOW.collection(),
            new ResourcesApi(flows, resources, documents, faults, mapper, ids, config, base));
    return new PipelineApis(
        collections,
        new FlowActionsApi(resources, flows, documents, faults),
        new FlowSpecsApi(mapper),
        new RunsApi(resources, runs, mapper, config));
  }
}
