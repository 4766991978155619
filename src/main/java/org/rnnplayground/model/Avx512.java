package org.rnnplayground.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether this machine's cores have the AVX-512 instructions for which OpenBLAS picks its SkylakeX
 * kernels (F, BW, DQ, VL), read from {@code /proc/cpuinfo}: the CPU backend runs on Linux x86-64 only.
 */
final class Avx512 {

    private static final List<String> FLAGS = List.of("avx512f", "avx512bw", "avx512dq", "avx512vl");

    private Avx512() {}

    /** False when the flags cannot be read (another system, a restricted container). */
    static boolean available() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("flags"))
                    .findFirst()
                    .map(l -> List.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+")))
                    .map(flags -> flags.containsAll(FLAGS))
                    .orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
