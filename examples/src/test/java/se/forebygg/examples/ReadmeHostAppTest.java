package se.forebygg.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Add to your build" is what {@code examples/host-app} builds and CI runs: its XML is the
 * host-app pom's dependency lines, its Java is host-app's {@code Quickstart.java}, its install command
 * is the one {@code .ci/run} runs, and the BOM version it names is this build's version. So a snippet
 * or a coordinate that drifts fails the build here, and one that does not compile fails host-app's.
 */
class ReadmeHostAppTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path HOST_APP = ROOT.resolve("examples/host-app");

    @Test
    void theXmlIsTheHostAppsDependencies() throws IOException {
        List<String> pom = Files.readAllLines(HOST_APP.resolve("pom.xml"));
        int from = indexOf(pom, "<!-- README \"Add to your build\": from the next line");
        int to = indexOf(pom, "<!-- … to the line before");
        List<String> lines = pom.subList(from + 1, to);
        assertEquals(String.join("\n", unindent(lines)), block("xml"),
                "README \"Add to your build\" XML and examples/host-app/pom.xml differ");
    }

    @Test
    void theJavaIsTheHostAppsQuickstart() throws IOException {
        String quickstart = Files.readString(HOST_APP.resolve("src/main/java/se/forebygg/hostapp/Quickstart.java"));
        assertEquals(quickstart.strip(), block("java"),
                "README \"Add to your build\" Java and examples/host-app's Quickstart.java differ");
    }

    @Test
    void theBomImportedIsThisVersion() throws IOException {
        String version = System.getProperty("forebygg.version");
        assertTrue(version != null && !version.isBlank(), "the build passes forebygg.version");
        List<String> xml = block("xml").lines().map(String::strip).toList();
        int bom = xml.indexOf("<artifactId>forebygg-bom</artifactId>");
        assertTrue(bom >= 0, "the README imports forebygg-bom");
        assertEquals("<version>" + version + "</version>", xml.get(bom + 1), "the README imports forebygg-bom " + version);
    }

    @Test
    void ciRunsTheInstallCommandAndBuildsTheHostApp() throws IOException {
        String install = block("sh");
        assertEquals("./mvnw -B install -DskipTests", install);
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        assertTrue(ci.lines().anyMatch(l -> l.strip().equals(install)), ".ci/run runs " + install);
        assertTrue(ci.contains("./mvnw -B -f examples/host-app/pom.xml verify"), ".ci/run builds host-app");
        assertTrue(ci.contains("java -jar target/host-app.jar"), ".ci/run runs host-app");
    }

    @Test
    void theHostAppIsAProjectOfItsOwn() throws IOException {
        assertFalse(Files.readString(HOST_APP.resolve("pom.xml")).contains("<parent>"), "host-app has no parent");
        assertFalse(Files.readString(ROOT.resolve("pom.xml")).contains("host-app"), "host-app is no module of ours");
    }

    /** The first fenced block of {@code language} in the README's "Add to your build" section. */
    private static String block(String language) throws IOException {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
        int start = indexOf(readme, "## Add to your build");
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : readme.subList(start + 1, readme.size())) {
            if (!inside && line.startsWith("## ")) {
                break;
            }
            if (!inside && line.equals("```" + language)) {
                inside = true;
            } else if (inside && line.equals("```")) {
                return String.join("\n", lines);
            } else if (inside) {
                lines.add(line);
            }
        }
        throw new AssertionError("README \"Add to your build\" has no ```" + language + " block");
    }

    private static int indexOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with " + start);
    }

    private static List<String> unindent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
    }
}
