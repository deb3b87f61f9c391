package org.kontor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time of this JVM's threads by kind, from Linux's {@code /proc/self/task/<tid>/stat}: unlike ThreadMXBean it
 * also sees the garbage collector, the JIT compilers and native threads (Tesseract, PyTorch). Native thread names
 * are the Java names cut to 15 characters; threads started by native code inherit their creator's name. A thread
 * that ended between two snapshots is missing from the second: its CPU shows up as the rest of the process total.
 * Empty where there is no {@code /proc} (the benchmark then reports the process total only).
 */
final class ThreadCpu {

    /** clock ticks per second of {@code utime}/{@code stime}; 100 on every Linux the benchmark runs on */
    private static final double TICKS_PER_SECOND = 100;
    private static final Path TASKS = Path.of("/proc/self/task");

    /** CPU seconds by thread id and name at one moment. */
    record Snapshot(Map<String, Double> byThread) {
    }

    static Snapshot take() {
        Map<String, Double> threads = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return new Snapshot(threads);
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                } catch (IOException ended) {
                    continue;
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close);
                // after the name: state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime
                String[] fields = stat.substring(close + 2).split(" ");
                double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                threads.put(task.getFileName() + "/" + name, seconds);
            }
        } catch (IOException e) {
            return new Snapshot(Map.of());
        }
        return new Snapshot(threads);
    }

    /** What each kind of thread used between two snapshots, in seconds; "ended threads" is the rest of {@code total}. */
    static Map<String, Double> byKind(Snapshot before, Snapshot after, double total) {
        Map<String, Double> kinds = new LinkedHashMap<>();
        for (String kind : new String[] {"job executor (robots, OCR)", "OCR-alone threads", "web server (uploads)",
                "garbage collector", "JIT compilers", "benchmark client (upload, polling)", "other"}) {
            kinds.put(kind, 0.0);
        }
        if (after.byThread().isEmpty()) {
            return kinds;
        }
        double sum = 0;
        for (Map.Entry<String, Double> thread : after.byThread().entrySet()) {
            double used = thread.getValue() - before.byThread().getOrDefault(thread.getKey(), 0.0);
            sum += used;
            kinds.merge(kind(thread.getKey().substring(thread.getKey().indexOf('/') + 1)), used, Double::sum);
        }
        kinds.put("ended threads", Math.max(0, total - sum));
        return kinds;
    }

    static String kind(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("camundataskexec") || n.startsWith("jobexecutor")) {
            return "job executor (robots, OCR)";
        }
        if (n.startsWith("pool-")) {
            return "OCR-alone threads";
        }
        if (n.startsWith("http-nio")) {
            return "web server (uploads)";
        }
        if (n.startsWith("gc thread") || n.startsWith("g1 ") || n.startsWith("vm thread")) {
            return "garbage collector";
        }
        if (n.contains("compilerthre")) {
            return "JIT compilers";
        }
        if (n.startsWith("httpclient") || n.startsWith("org.kontor.benc")) {
            return "benchmark client (upload, polling)";
        }
        return "other";
    }
}
