package com.europages.loadbce.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The instructions of a Dockerfile, continuation lines joined and comments dropped, each with its build stage. */
record DockerfileInstructions(List<Instruction> all) {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

    record Instruction(int stage, String keyword, String arguments) {

        /** Whitespace-separated words, without the leading --flags. */
        List<String> words() {
            List<String> out = new ArrayList<>();
            for (String w : arguments.trim().split("\\s+")) {
                if (!(out.isEmpty() && w.startsWith("--"))) {
                    out.add(w);
                }
            }
            return out;
        }

        /** The value of a --name=value flag, or null. */
        String flag(String name) {
            for (String w : arguments.trim().split("\\s+")) {
                if (w.startsWith("--" + name + "=")) {
                    return w.substring(name.length() + 3);
                }
                if (!w.startsWith("--")) {
                    break;
                }
            }
            return null;
        }
    }

    static DockerfileInstructions read(Path file) throws IOException {
        List<Instruction> out = new ArrayList<>();
        int stage = -1;
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String[] parts = pending.toString().trim().split("\\s+", 2);
            pending.setLength(0);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            if (keyword.equals("FROM")) {
                stage++;
            }
            out.add(new Instruction(stage, keyword, parts.length > 1 ? parts[1] : ""));
        }
        return new DockerfileInstructions(List.copyOf(out));
    }

    int lastStage() {
        return all.get(all.size() - 1).stage();
    }

    List<Instruction> inStage(int stage, String keyword) {
        return all.stream().filter(i -> i.stage() == stage && i.keyword().equals(keyword)).toList();
    }

    Instruction lastInStage(int stage, String keyword) {
        List<Instruction> list = inStage(stage, keyword);
        if (list.isEmpty()) {
            throw new AssertionError("no " + keyword + " in stage " + stage);
        }
        return list.get(list.size() - 1);
    }

    /** ARG defaults and ENV values of a stage (KEY=value forms), later ones winning. */
    Map<String, String> variables(int stage) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Instruction i : all) {
            if (i.stage() == stage && (i.keyword().equals("ARG") || i.keyword().equals("ENV"))) {
                for (String word : i.words()) {
                    int eq = word.indexOf('=');
                    if (eq > 0) {
                        out.put(word.substring(0, eq), expand(word.substring(eq + 1), out));
                    }
                }
            }
        }
        return out;
    }

    /** Replaces $NAME and ${NAME} with their values; unknown names stay as written. */
    static String expand(String text, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(name, m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
