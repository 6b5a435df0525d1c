/**
 * Rendering a rate matrix in the CLI's output formats ({@link dev.fxmatrix.output.OutputFormat}).
 *
 * <p>Conventions shared by every {@link dev.fxmatrix.output.MatrixWriter} here: lines end in
 * {@code "\n"} whatever the platform (the output is meant for pipes and diffs, and tests compare it
 * byte for byte); streaming formats flush after every row so a consumer behind a pipe sees each row
 * as soon as it is fetched; writers never close the {@link java.io.PrintWriter} they were given,
 * the caller owns it (and checks {@link java.io.PrintWriter#checkError()} if it cares).
 *
 * <p>Where the matrix goes: {@link dev.fxmatrix.output.OutputTarget}, stdout or what {@code -o}
 * names (a file replaced atomically, a device or FIFO written directly); {@link
 * dev.fxmatrix.output.WatchedOutputStream} keeps stdout's write errors, which PrintWriter swallows.
 */
package dev.fxmatrix.output;
