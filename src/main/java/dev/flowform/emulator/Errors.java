package dev.flowform.emulator;

/**
 * The errors the emulator answers, with Adobe's codes and titles (Flow Service error catalogue and
 * gateway codes). Where Adobe's catalogue has no specific code, {@code 1100-400} "Invalid request".
 */
final class Errors {
  private Errors() {}

  static ApiError notFound(String id) {
    return ApiError.flow(
        "1101-404",
        "Resource not found",
        "The requested resource is not found. Resource with id '" + id + "' does not exist.");
  }

  static ApiError invalidRequest(String detail) {
    return ApiError.flow("1100-400", "Invalid request", detail);
  }

  /** A request rejected with its own text repeated back, as some gateways and proxies do. */
  static ApiError echoed(String request) {
    return invalidRequest("The request could not be processed: " + request);
  }

  static ApiError internal() {
    return internal("An internal error has occurred. Please try again.");
  }

  /** A failure of the emulator itself; {@code detail} names what failed, never a value. */
  static ApiError internal(String detail) {
    return ApiError.flow("1102-500", "Internal Error", detail);
  }

  static ApiError unavailable() {
    return ApiError.flow(
        "1103-503",
        "Service Unavailable",
        "The service is temporarily unavailable. Please try again.");
  }

  static ApiError gatewayTimeout() {
    return ApiError.flow(
        "1104-504", "Gateway Timeout", "A gateway timeout has occurred. Please try again.");
  }

  static ApiError limitWithCount() {
    return invalid(
        "1401-400", "The limit and count parameters cannot be given together in the same request.");
  }

  static ApiError ifMatchMissing() {
    return ApiError.flow(
        "1403-400",
        "Header is missing",
        "The header 'If-Match' is missing in the request. Please provide the header and try"
            + " again.");
  }

  static ApiError versionMismatch(String given, String current) {
    return ApiError.flow(
        "1404-412",
        "Version not matching",
        "The supplied version '"
            + given
            + "' does not match the current version on entity '"
            + current
            + "'.");
  }

  static ApiError emptyBody() {
    return invalid("1405-400", "The request body is empty. Please provide a request body.");
  }

  static ApiError unsupportedMediaType(String contentType) {
    return ApiError.flow(
        "1100-415",
        "Unsupported Media Type",
        "Content-Type '" + contentType + "' is not supported; send application/json.");
  }

  static ApiError invalidSpec(String specId) {
    return invalid("1413-400", "The connection spec '" + specId + "' is not valid.");
  }

  static ApiError specNotUpdatable() {
    return invalid("1414-400", "The connection spec of a connection cannot be updated.");
  }

  static ApiError authSpecNotFound(String name, String specId) {
    return invalid(
        "1415-400",
        "The auth spec '" + name + "' is not found for the connection spec '" + specId + "'.");
  }

  static ApiError unsupportedOp(String op) {
    return invalid("1434-400", "The patch operation '" + op + "' is not supported.");
  }

  static ApiError pathNotFound(String path) {
    return invalid("1455-400", "The patch path '" + path + "' does not exist.");
  }

  static ApiError sandboxMissing() {
    return ApiError.flow(
        "2105-400",
        "Invalid request",
        "The header 'x-sandbox-name' is missing. Please provide the sandbox name and try again.");
  }

  /** The token's org may not use the org the call names ({@code x-gw-ims-org-id}). */
  static ApiError noAccessToOrg(String org) {
    return ApiError.flow(
        "2000-401",
        "Unauthorized",
        "The access token has no access to the organization '" + org + "'.");
  }

  static ApiError sandboxNotFound(String sandbox) {
    return ApiError.flow(
        "2100-404", "Sandbox not found", "The sandbox '" + sandbox + "' is not found.");
  }

  static ApiError tokenMissing() {
    return ApiError.gateway(403, "403010", "Oauth token is missing.");
  }

  static ApiError tokenInvalid() {
    return ApiError.gateway(401, "401013", "Oauth token is not valid");
  }

  static ApiError apiKeyMissing() {
    return ApiError.gateway(403, "403000", "Api Key is required");
  }

  static ApiError apiKeyInvalid() {
    return ApiError.gateway(403, "403003", "Api Key is invalid");
  }

  static ApiError orgMissing() {
    return ApiError.gateway(400, "400003", "Organization ID is required");
  }

  /** The emulator's choice of code: Adobe documents no body for a throttled call. */
  static ApiError tooManyRequests(long retryAfterSeconds) {
    return ApiError.gateway(429, "429001", "Too many requests").retryAfter(retryAfterSeconds);
  }

  static ApiError routeNotFound(String path) {
    return ApiError.flow("1101-404", "Resource not found", "No resource at '" + path + "'.");
  }

  static ApiError methodNotAllowed(String method, String route) {
    return ApiError.flow(
        "1100-405", "Method not allowed", method + " is not supported on '" + route + "'.");
  }

  /** A create or update names a resource that does not exist (in the caller's sandbox). */
  static ApiError missingReference(String label, String id) {
    return invalidRequest("The " + label + " '" + id + "' does not exist.");
  }

  /** A flow create sends {@code state}: a flow starts enabled and changes by action. */
  static ApiError stateAtCreate() {
    return invalid("1410-400", "The 'state' of a flow cannot be set when it is created.");
  }

  /** A path the service does not let a PATCH change. */
  static ApiError notUpdatable(String path) {
    return invalidRequest("The path '" + path + "' cannot be updated.");
  }

  /** The mapping set of a flow maps to another schema than its target connection's. */
  static ApiError schemaMismatch(String mappingSchema, String targetSchema) {
    return invalid(
        "1425-400",
        "The mapping set's schema '"
            + mappingSchema
            + "' is not the target connection's schema '"
            + targetSchema
            + "'.");
  }

  /** A source or target connection or a mapping set that flows still use. */
  static ApiError usedByFlows(String id, java.util.List<String> flows) {
    return invalid(
        "1447-400", "Cannot delete: found active flows containing id " + id + ": " + flows + ".");
  }

  /** A base connection that source connections still read through. */
  static ApiError usedBySourceConnections(String id, java.util.List<String> sources) {
    return invalid(
        "1418-400",
        "The connection "
            + id
            + " cannot be deleted: source connections still use it: "
            + sources
            + ".");
  }

  private static ApiError invalid(String code, String detail) {
    return ApiError.flow(code, "Invalid request", detail);
  }
}
