package com.europages.loadbce.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation is self-contained: every relative link of README.md and docs/*.md reaches a file of the
 * repository (and a heading, when it names one), and no file cites a document kept outside the repository.
 */
class DocsLinksTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern LINK = Pattern.compile("(?<!!)\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    /** Built from parts, so this file does not name them itself. */
    private static final List<String> OUTSIDE_DOCUMENTS = List.of("DESIGN" + ".md", "DEPENDENCIES" + ".md");
    private static final Set<String> NOT_SCANNED = Set.of(".git", "target", "data", ".idea", "node_modules");

    @Test
    void everyRelativeLinkOfTheDocsReachesAFileAndItsHeading() throws IOException {
        List<Path> docs = markdownDocs();
        assertThat(docs).contains(ROOT.resolve("README.md")).hasSizeGreaterThan(1);
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : docs) {
            for (String target : links(doc)) {
                if (target.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
                    continue; // https:, mailto: ...: not a file of the repository
                }
                checked++;
                String problem = problem(doc, target);
                if (problem != null) {
                    broken.add(ROOT.relativize(doc) + ": (" + target + ") " + problem);
                }
            }
        }
        assertThat(checked).as("relative links found").isPositive();
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void noFileCitesADocumentKeptOutsideTheRepository() throws IOException {
        List<String> citing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : (Iterable<Path>) files.filter(this::scanned).filter(Files::isRegularFile)::iterator) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String name : OUTSIDE_DOCUMENTS) {
                    if (text.contains(name)) {
                        citing.add(ROOT.relativize(file) + " cites " + name);
                    }
                }
            }
        }
        assertThat(citing).isEmpty();
    }

    private boolean scanned(Path path) {
        for (Path part : ROOT.relativize(path)) {
            if (NOT_SCANNED.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    private static List<Path> markdownDocs() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** Why the link does not resolve, or null when it does. */
    private static String problem(Path doc, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
        if (!resolved.startsWith(ROOT)) {
            return "leaves the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
            return "no heading with anchor #" + anchor + " in " + ROOT.relativize(resolved);
        }
        return null;
    }

    /** The link targets of a markdown file, outside fenced code blocks and inline code. */
    private static List<String> links(Path doc) throws IOException {
        List<String> targets = new ArrayList<>();
        for (String line : prose(doc)) {
            Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        return targets;
    }

    /** The anchors GitHub gives the headings: lower case, punctuation dropped, spaces as '-', repeats numbered. */
    static Set<String> anchors(Path doc) throws IOException {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(doc)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String slug = m.group(1).toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
                        .replace(' ', '-');
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
        }
        return anchors;
    }

    /** The lines of a markdown file outside fenced code blocks. */
    private static List<String> prose(Path doc) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                lines.add(line);
            }
        }
        return lines;
    }
}
