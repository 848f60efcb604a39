package se.forebygg.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import se.forebygg.engine.Case;
import se.forebygg.json.ForebyggJson;

/**
 * Writes {@link Samples#mixed} cases as JSON Lines, for the end-to-end run of {@code forebygg evaluate}:
 * {@code java -cp benchmarks/target/benchmarks.jar se.forebygg.benchmarks.CasesFile 1000000 cases.jsonl}.
 * Deterministic: the same count and seed give the same file.
 */
public final class CasesFile {
    private CasesFile() {
    }

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        ObjectWriter writer = ForebyggJson.newMapper().writerFor(Case.class);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                out.write(writer.writeValueAsString(Samples.mixedCase(i, seed)));
                out.write('\n');
            }
        }
    }

    static byte[] jsonLines(List<Case> cases, ObjectMapper mapper) throws IOException {
        ObjectWriter writer = mapper.writerFor(Case.class);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
            for (Case c : cases) {
                out.write(writer.writeValueAsString(c));
                out.write('\n');
            }
        }
        return bytes.toByteArray();
    }
}
