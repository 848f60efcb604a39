package se.forebygg.engine;

import se.forebygg.Forebygg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import se.forebygg.json.CaseReader;

/** One engine shared by many threads gives exactly what one thread gives. */
class ConcurrencyTest {

    @Test
    void manyThreadsThroughOneEngineDecideAsOneThreadDoes() throws Exception {
        List<Case> cases = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(Path.of("../examples/data/demo-cases.jsonl"));
             CaseReader reader = CaseReader.open(in)) {
            reader.forEachRemaining(e -> cases.add(((Input.Read) e).aCase()));
        }
        Forebygg engine = Forebygg.create();
        List<Decision> expected = new ArrayList<>();
        for (Case c : cases) {
            expected.add(engine.evaluate(c));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Decision>>> runs = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                runs.add(pool.submit(() -> {
                    List<Decision> got = new ArrayList<>();
                    for (int round = 0; round < 20; round++) {
                        got.clear();
                        for (Case c : cases) {
                            got.add(engine.evaluate(c));
                        }
                    }
                    return got;
                }));
            }
            for (Future<List<Decision>> run : runs) {
                assertEquals(expected, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

}
