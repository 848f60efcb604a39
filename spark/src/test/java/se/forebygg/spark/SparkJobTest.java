package se.forebygg.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.forebygg.benchmarks.CasesFile;
import se.forebygg.cli.Main;
import se.forebygg.testkit.CaseGenerator;
import se.forebygg.testkit.SwedishIds;

/** The job against the command line on the same input: bad lines, the ledger snapshot, what-if, Parquet, user mistakes. */
class SparkJobTest {
    static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void spark() {
        spark = LocalSpark.session();
    }

    @Test
    void badLinesGiveTheCommandLinesErrorObjectsAndTheGoodOnesTheirDecisions() throws Exception {
        Path generated = dir.resolve("generated.jsonl");
        CasesFile.main(new String[] {"60", generated.toString()});
        List<String> good = Files.readAllLines(generated, StandardCharsets.UTF_8);
        String firstGrant = good.stream().filter(l -> l.contains("workplace-rehabilitation-grant")).findFirst().orElseThrow();
        List<String> lines = new ArrayList<>();
        lines.add("\uFEFF" + good.get(0));                                            // 1: a byte order mark, skipped
        lines.add(good.get(1));
        lines.add("{\"type\":\"provider-approval\",\"caseId\":\"cut-short\",");        // 3: malformed JSON
        lines.add("");                                                                // 4: blank, no result
        lines.add("[1,2]");                                                           // 5: no object
        lines.add("{\"type\":\"no-such-type\",\"caseId\":\"x-1\"}");                  // 6: unknown type
        lines.add("{\"type\":\"provider-approval\",\"caseId\":\"feb-30\",\"decisionDate\":\"2025-02-30\",\"competences\":[]}");
        lines.add("{\"type\":\"provider-approval\",\"caseId\":\"too-early\",\"decisionDate\":\"1990-01-10\",\"competences\":[\"PHYSICIAN\"]}");
        lines.addAll(good.subList(2, good.size()));
        lines.add(good.get(1));                                                       // a caseId read on line 2 already
        lines.add(firstGrant);                                                        // a grant read before
        Path cases = dir.resolve("cases.jsonl");
        Files.write(cases, lines, StandardCharsets.UTF_8);

        LocalSpark.Run cli = LocalSpark.captured(() -> Main.run("evaluate", cases.toString()));
        Path out = dir.resolve("decisions");
        int status = SparkJob.run("evaluate", cases.toString(), out.toString());

        assertThat(cli.status()).isEqualTo(2);
        assertThat(status).isEqualTo(2);
        List<String> decided = LocalSpark.partLines(out);
        assertThat(decided).containsExactlyElementsOf(cli.out().lines().toList());
        assertThat(decided).hasSize(lines.size() - 1);
        assertThat(decided.get(2)).startsWith("{\"caseId\":null,\"error\":{\"line\":3,\"path\":\"$\",\"message\":\"malformed JSON");
        assertThat(decided.get(decided.size() - 2)).contains("\"line\":" + (lines.size() - 1)).contains("(first on line 2)");
        assertThat(decided.stream().filter(l -> l.contains("\"error\"")).count()).isEqualTo(7);
    }

    @Test
    void earlierGrantsOfTheSnapshotReduceTheRoom() throws Exception {
        String employer = SwedishIds.employer(7);
        String employee = SwedishIds.employee(3);
        String early = grant("ars-early", employer, employee, "2025-09-01");
        String later = grant("ars-later", employer, employee, "2025-10-01");
        Path first = Files.writeString(dir.resolve("first.jsonl"), early + "\n");
        Path second = Files.writeString(dir.resolve("second.jsonl"), later + "\n");
        Path ledger = dir.resolve("ledger-1");
        assertThat(SparkJob.run("evaluate", first.toString(), dir.resolve("out-1").toString(), "--ledger-out", ledger.toString()))
                .isZero();
        assertThat(LocalSpark.partLines(dir.resolve("out-1"))).singleElement().asString().contains("\"amount\":8000.00");

        Path ledger2 = dir.resolve("ledger-2");
        assertThat(SparkJob.run("evaluate", second.toString(), dir.resolve("out-2").toString(), "--ledger", ledger.toString(),
                "--ledger-out", ledger2.toString())).isZero();

        // The command line deciding both applications together gives the later one what Spark gave it with the snapshot.
        Path both = Files.writeString(dir.resolve("both.jsonl"), early + "\n" + later + "\n");
        LocalSpark.Run cli = LocalSpark.captured(() -> Main.run("evaluate", both.toString()));
        String withSnapshot = LocalSpark.partLines(dir.resolve("out-2")).get(0);
        assertThat(withSnapshot).isEqualTo(cli.out().lines().toList().get(1))
                .contains("\"outcome\":\"PARTIALLY_APPROVED\"", "\"amount\":2000.00", "ARS_EMPLOYEE_CAP_APPLIED");
        List<String> after = LocalSpark.partLines(ledger2);
        assertThat(after).hasSize(2);
        assertThat(String.join("\n", after)).contains("\"caseId\":\"ars-early\"", "\"caseId\":\"ars-later\"",
                "\"employeeId\":\"" + employee + "\"", "\"year\":2025");
    }

    @Test
    void whatIfPrintsWhatSimulatePrints() throws Exception {
        Path cases = dir.resolve("generated.jsonl");
        try (var out = Files.newBufferedWriter(cases, StandardCharsets.UTF_8)) {
            new CaseGenerator(5, 2025, 30).write(out, 400, 2000);
        }
        String[] changes = {"--set", "sicknessBenefitRate=0.9@2025-01-01", "--set", "grantCapPerEmployee=15000@2025-01-01"};
        LocalSpark.Run cli = LocalSpark.captured(() -> Main.run(concat(new String[] {"simulate", cases.toString()}, changes)));
        LocalSpark.Run job = LocalSpark.captured(() -> SparkJob.run(concat(new String[] {"simulate", cases.toString()}, changes)));

        assertThat(cli.status()).isZero();
        assertThat(job.status()).isZero();
        assertThat(withoutRunTime(job.out())).isEqualTo(withoutRunTime(cli.out()));
        assertThat(job.out()).contains("grantCapPerEmployee").contains("Decisions changed");
    }

    @Test
    void parquetInAndOut() throws Exception {
        Path generated = dir.resolve("generated.jsonl");
        CasesFile.main(new String[] {"500", generated.toString()});
        Path parquet = dir.resolve("cases.parquet");
        // Decimals as decimals: a double would drop the scale the calculation echoes (10956.50 as 10956.5).
        spark.read().option("prefersDecimal", "true").json(generated.toString()).write().parquet(parquet.toString());

        LocalSpark.Run cli = LocalSpark.captured(() -> Main.run("evaluate", generated.toString()));
        assertThat(cli.status()).isZero();
        assertThat(SparkJob.run("evaluate", parquet.toString(), dir.resolve("parquet").toString(), "--format", "parquet",
                "--output-format", "parquet")).isZero();

        Map<String, String> fromJsonLines = new HashMap<>();
        for (String line : cli.out().lines().toList()) {
            fromJsonLines.put(line.substring(line.indexOf(":\"") + 2, line.indexOf("\",")), line);
        }
        List<Row> rows = spark.read().parquet(dir.resolve("parquet").toString()).collectAsList();
        assertThat(rows).hasSize(500);
        for (Row row : rows) {
            assertThat(row.<String>getAs("decision")).isEqualTo(fromJsonLines.get(row.<String>getAs("caseId")));
            assertThat(row.<String>getAs("outcome")).isNotNull();
            assertThat(row.<Object>getAs("error")).isNull();
        }
    }

    @Test
    void theUsersMistakesAreNamedAsTheirs() throws Exception {
        Path cases = Files.writeString(dir.resolve("cases.jsonl"), grant("ars-1", SwedishIds.employer(1), SwedishIds.employee(1),
                "2025-09-01") + "\n");
        Files.createDirectories(dir.resolve("taken"));

        LocalSpark.Run missing = LocalSpark.captured(() -> SparkJob.run("evaluate", dir.resolve("nothing.jsonl").toString(),
                dir.resolve("out").toString()));
        assertThat(missing.status()).isEqualTo(SparkJob.USAGE);
        assertThat(missing.err()).contains("no such file or folder: " + dir.resolve("nothing.jsonl"));

        LocalSpark.Run taken = LocalSpark.captured(() -> SparkJob.run("evaluate", cases.toString(), dir.resolve("taken").toString()));
        assertThat(taken.status()).isEqualTo(SparkJob.USAGE);
        assertThat(taken.err()).contains("OUTPUT " + dir.resolve("taken") + " exists already");

        LocalSpark.Run format = LocalSpark.captured(() -> SparkJob.run("evaluate", cases.toString(), dir.resolve("o").toString(),
                "--format", "csv"));
        assertThat(format.status()).isEqualTo(SparkJob.USAGE);
        assertThat(format.err()).contains("--format").contains("csv");

        LocalSpark.Run change = LocalSpark.captured(() -> SparkJob.run("simulate", cases.toString(), "--set", "noSuchThing=1"));
        assertThat(change.status()).isEqualTo(SparkJob.USAGE);
        assertThat(change.err()).contains("--set noSuchThing=1: ");
        assertThat(Files.exists(dir.resolve("out"))).isFalse();
    }

    private static String grant(String caseId, String employer, String employee, String submittedOn) {
        return "{\"type\":\"workplace-rehabilitation-grant\",\"caseId\":\"" + caseId + "\",\"employerId\":\"" + employer
                + "\",\"employeeId\":\"" + employee + "\",\"employeeCondition\":\"REDUCED_WORK_CAPACITY\","
                + "\"provider\":{\"id\":\"P-1\",\"approvedByAgency\":true},"
                + "\"measures\":[{\"kind\":\"INVESTIGATE\",\"performedOn\":\"2025-04-02\",\"amountPaid\":16000}],"
                + "\"submittedOn\":\"" + submittedOn + "\"}";
    }

    /** The summary without the line that says when it was run. */
    private static String withoutRunTime(String summary) {
        return summary.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "<run>");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
