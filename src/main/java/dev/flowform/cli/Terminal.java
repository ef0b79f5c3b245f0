package dev.flowform.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;

/**
 * The streams a command talks through, injected so commands run in-process in tests.
 *
 * @param interactive whether a person sits at it (stdin and stdout are a terminal)
 */
public record Terminal(PrintWriter out, PrintWriter err, BufferedReader in, boolean interactive) {}
