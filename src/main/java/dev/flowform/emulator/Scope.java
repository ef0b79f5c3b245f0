package dev.flowform.emulator;

/** Where a call works: connections are isolated per org and per sandbox. */
record Scope(String orgId, String sandbox) {}
