package dev.flowform.emulator;

import java.util.Map;

/**
 * The Flow Service routes of the pipeline: the three collections, flow actions, flow specs and
 * runs. {@link FlowServiceRoute} hands it what it does not serve itself.
 */
final class PipelineApis {
  private final Map<String, ResourcesApi> collections;
  private final FlowActionsApi actions;
  private final FlowSpecsApi flowSpecs;
  private final RunsApi runs;

  PipelineApis(
      Map<String, ResourcesApi> collections,
      FlowActionsApi actions,
      FlowSpecsApi flowSpecs,
      RunsApi runs) {
    this.collections = Map.copyOf(collections);
    this.actions = actions;
    this.flowSpecs = flowSpecs;
    this.runs = runs;
  }

  /**
   * Serves the call if {@code route} (a template like {@code /flows/{id}}) is one of these.
   *
   * @return false when it is not
   */
  boolean handle(String route, HttpCall call, Caller caller, String[] segments) {
    String method = call.method();
    switch (route) {
      case "/flowSpecs" -> {
        FlowServiceRoute.requireGet(method, route);
        flowSpecs.list(call);
        return true;
      }
      case "/flowSpecs/{id}" -> {
        FlowServiceRoute.requireGet(method, route);
        flowSpecs.read(call, segments[1]);
        return true;
      }
      case "/runs" -> {
        FlowServiceRoute.requireGet(method, route);
        runs.list(call, caller);
        return true;
      }
      case "/flows/{id}/action" -> {
        if (!method.equals("POST")) {
          throw Errors.methodNotAllowed(method, route);
        }
        actions.act(call, caller, segments[1]);
        return true;
      }
      default -> {
        return collection(route, call, caller, segments);
      }
    }
  }

  private boolean collection(String route, HttpCall call, Caller caller, String[] segments) {
    ResourcesApi api = segments.length == 0 ? null : collections.get(segments[0]);
    if (api == null || !(segments.length == 1 || route.endsWith("/{id}"))) {
      return false;
    }
    String method = call.method();
    if (segments.length == 1) {
      switch (method) {
        case "POST" -> api.create(call, caller);
        case "GET" -> api.list(call, caller);
        default -> throw Errors.methodNotAllowed(method, route);
      }
    } else {
      switch (method) {
        case "GET" -> api.read(call, caller, segments[1]);
        case "PATCH" -> api.update(call, caller, segments[1]);
        case "DELETE" -> api.delete(call, caller, segments[1]);
        default -> throw Errors.methodNotAllowed(method, route);
      }
    }
    return true;
  }
}
