package se.forebygg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompactTableTest {

    /** As a map would answer, through many pages and growths, for keys of any characters and length, added either way. */
    @Test
    void answersAsAMap() {
        Random random = new Random(7);
        Map<String, Long> expected = new HashMap<>();
        Map<String, Integer> numbers = new HashMap<>();
        CompactTable table = new CompactTable();
        for (int i = 0; i < 300_000; i++) {
            String key = random.nextInt(5) == 0 ? "ärende-" + random.nextInt(200_000) : "ars-" + random.nextInt(200_000);
            if (random.nextInt(2000) == 0) {
                key = "x".repeat(random.nextInt(300_000)); // a page of its own past 256 KiB
            }
            long value = random.nextLong();
            Integer number = numbers.get(key);
            if (i % 2 == 0) {
                // addIfAbsent: the number of a key there, or adds it and says its number as -1 - number
                int found = table.addIfAbsent(key, value);
                if (number == null) {
                    assertEquals(table.size() - 1, -1 - found, key);
                    numbers.put(key, -1 - found);
                } else {
                    assertEquals(number, found, key);
                    table.set(number, value);
                }
            } else {
                assertEquals(number == null ? -1 : number, table.indexOf(key), key);
                if (number == null) {
                    numbers.put(key, table.add(key, value));
                } else {
                    table.set(number, value);
                }
            }
            expected.put(key, value);
        }
        assertEquals(expected.size(), table.size());
        expected.forEach((key, value) -> assertEquals(value, table.value(table.indexOf(key)), key));
    }

    @Test
    void aKeyIsAddedOnce() {
        CompactTable table = new CompactTable();
        table.add("psb-1", 1);
        assertThrows(IllegalArgumentException.class, () -> table.add("psb-1", 2));
        assertEquals(1, table.value(table.indexOf("psb-1")));
    }
}
