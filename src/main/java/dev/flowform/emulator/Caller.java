package dev.flowform.emulator;

/** Who made a Flow Service call, as the gateway checks established it. */
record Caller(String clientId, Scope scope) {}
