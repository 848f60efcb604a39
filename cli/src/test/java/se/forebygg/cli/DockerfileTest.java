package se.forebygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import se.forebygg.Forebygg;
import se.forebygg.http.DecisionServer;
import se.forebygg.ledger.InMemoryGrantLedger;

/**
 * The container recipe cannot be built here (no Docker), so this keeps it from drifting away from what
 * the build makes and what serve takes: the jar and its lib folder where Maven puts them, the command a
 * real command line, the port the one it exposes and probes, and the health check itself, run against
 * a real server that wants a token.
 */
class DockerfileTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static String dockerfile;
    static List<String> instructions;

    @BeforeAll
    static void read() throws Exception {
        dockerfile = Files.readString(Path.of("../Dockerfile"));
        instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            if (line.startsWith("#") || (current.length() == 0 && line.isBlank())) {
                continue;
            }
            current.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line);
            if (!line.endsWith("\\")) {
                instructions.add(current.toString().strip());
                current.setLength(0);
            }
        }
    }

    /** The instructions of the first stage (the build). */
    static List<String> buildStage() {
        return instructions.subList(0, instructions.size() - runStage().size());
    }

    /** The instructions of the last stage (the image that runs). */
    static List<String> runStage() {
        int last = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith("FROM ")) {
                last = i;
            }
        }
        return instructions.subList(last, instructions.size());
    }

    static String one(List<String> in, String keyword) {
        List<String> found = in.stream().filter(i -> i.startsWith(keyword + " ")).toList();
        assertEquals(1, found.size(), keyword + ": " + found);
        return found.get(0).substring(keyword.length() + 1).strip();
    }

    static String[] exec(String json) throws Exception {
        return JSON.readValue(json, String[].class);
    }

    @Test
    void buildsWithTheWrapperOnAJdk17AndRunsOnAJre17AsNoRoot() {
        List<String> froms = instructions.stream().filter(i -> i.startsWith("FROM ")).toList();
        assertEquals(2, froms.size(), "multi-stage: " + froms);
        assertTrue(froms.get(0).matches("FROM \\S+:17-jdk\\S* AS build"), froms.get(0));
        assertTrue(froms.get(1).matches("FROM \\S+:17-jre\\S*"), froms.get(1));
        String build = one(buildStage(), "RUN");
        assertTrue(build.startsWith("./mvnw ") && build.contains(" package") && build.contains("-DskipTests")
                && build.contains("-pl cli -am"), build);
        String user = one(runStage(), "USER");
        assertFalse(user.equals("root") || user.equals("0") || user.startsWith("0:"), user);
    }

    @Test
    void copiesTheJarAndItsLibFolderWhereTheBuildPutsThemAndRunsIt() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String finalName = match(pom, "<finalName>([^<]+)</finalName>");
        String prefix = match(pom, "<classpathPrefix>([^<]+)</classpathPrefix>");
        assertEquals("${project.build.directory}/" + prefix.replaceAll("/$", ""), match(pom, "<outputDirectory>([^<]+)</outputDirectory>"));
        String workdir = one(buildStage(), "WORKDIR").replaceAll("/$", "");
        List<String> copies = runStage().stream().filter(i -> i.startsWith("COPY --from=build ")).toList();
        String jar = null;
        String lib = null;
        for (String copy : copies) {
            String[] parts = copy.split("\\s+");
            if (parts[2].equals(workdir + "/cli/target/" + finalName + ".jar")) {
                jar = parts[3];
            } else if (parts[2].replaceAll("/$", "").equals(workdir + "/cli/target/" + prefix.replaceAll("/$", ""))) {
                lib = parts[3].replaceAll("/$", "");
            }
        }
        assertTrue(jar != null && lib != null, "jar and lib copied from the build's cli/target: " + copies);
        assertEquals(Path.of(jar).resolveSibling(prefix.replaceAll("/$", "")).toString(), lib,
                "lib beside the jar, as its manifest class path wants");
        String[] entrypoint = exec(one(runStage(), "ENTRYPOINT"));
        assertEquals("java", entrypoint[0]);
        assertEquals(jar, entrypoint[Arrays.asList(entrypoint).indexOf("-jar") + 1]);
    }

    @Test
    void theCommandIsServeOnTheExposedPortAndTheTokenVariableIsTheOneServeReads() throws Exception {
        String[] command = exec(one(runStage(), "CMD"));
        CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(command); // throws on a stale option
        assertEquals("serve", parsed.subcommand().commandSpec().name());
        int port = parsed.subcommand().matchedOptionValue("--port", -1);
        assertEquals("0.0.0.0", parsed.subcommand().matchedOptionValue("--host", ""));
        assertEquals(String.valueOf(port), one(runStage(), "EXPOSE"));
        assertTrue(one(runStage(), "HEALTHCHECK").contains("/127.0.0.1/" + port + " "), "the probe asks the served port");
        assertTrue(dockerfile.contains(ServeCommand.TOKEN_VARIABLE + "="), "documents the token variable");
    }

    @Test
    void theHealthCheckAnswersZeroOnlyWhenTheServiceIsUp() throws Exception {
        String[] check = exec(one(runStage(), "HEALTHCHECK").replaceFirst("^.*CMD ", ""));
        String[] command = exec(one(runStage(), "CMD"));
        String port = command[Arrays.asList(command).indexOf("--port") + 1];
        // Served as in the container: with a token, which the probe does not carry.
        try (DecisionServer server = DecisionServer.builder(Forebygg.create(), new InMemoryGrantLedger()).port(0)
                .token("d0cker-t0ken").start()) {
            assertEquals(0, run(check, port, server.port()), "up");
        }
        int free;
        try (ServerSocket socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        assertNotEquals(0, run(check, port, free), "nothing listening");
    }

    static int run(String[] check, String port, int actual) throws Exception {
        String[] command = check.clone();
        command[command.length - 1] = command[command.length - 1].replace("/" + port + " ", "/" + actual + " ");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the health check ends");
        return process.exitValue();
    }

    @Test
    void namesNoPackageHostAndLeavesBuildOutputOut() throws Exception {
        String ignore = Files.readString(Path.of("../.dockerignore"));
        for (String text : List.of(dockerfile, ignore)) {
            assertFalse(text.contains("://"), "no URLs: the images' own package sources are used");
        }
        assertTrue(ignore.lines().anyMatch(l -> l.strip().equals("**/target/")), ignore);
        assertFalse(ignore.lines().anyMatch(l -> l.startsWith(".mvn") || l.startsWith("mvnw")), "the wrapper is needed");
    }

    static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex);
        return m.group(1);
    }
}
