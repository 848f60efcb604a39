package se.forebygg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeenIdsTest {

    /** As a map from id to its first line would answer, through many growths, for ids of any characters and length. */
    @Test
    void answersAsAMapOfFirstLines() {
        Random random = new Random(3);
        Map<String, Integer> expected = new HashMap<>();
        SeenIds seen = new SeenIds();
        for (int line = 1; line <= 200_000; line++) {
            String id = random.nextInt(4) == 0 ? "ärende-" + random.nextInt(150_000) : "ars-" + random.nextInt(150_000);
            if (random.nextInt(1000) == 0) {
                id = "x".repeat(random.nextInt(5000));
            }
            assertEquals(expected.containsKey(id), seen.contains(id), id);
            assertEquals(expected.putIfAbsent(id, line), seen.putIfAbsent(id, line), id);
        }
    }
}
