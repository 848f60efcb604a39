package se.forebygg.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.get_json_object;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.forebygg.simulate.ChangeOptions;
import se.forebygg.simulate.ParameterChanges;
import se.forebygg.simulate.Provenance;
import se.forebygg.simulate.Simulation;
import se.forebygg.simulate.SummaryOptions;

/**
 * The job for {@code spark-submit}: {@code evaluate INPUT OUTPUT} decides every case of INPUT and writes
 * the decisions to OUTPUT; {@code simulate INPUT --set PARAM=VALUE[@FROM]} prints what {@code forebygg
 * simulate} prints. Paths are anything Spark reads (a local path, {@code hdfs://}, {@code s3a://}, …).
 *
 * <p>Exit status as the command line's: 0 every case decided, 2 some case was bad input (all others
 * written), 1 an internal failure, 64 a usage error (a wrong option, a missing input, an existing output).
 */
@Command(name = "forebygg-spark", mixinStandardHelpOptions = true, subcommands = {SparkJob.Evaluate.class, SparkJob.Simulate.class},
        description = "Decides a dataset of cases on Spark with Förebygg's rules, or compares two parameter tables over it.")
public final class SparkJob implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SparkJob.class);
    static final int OK = 0;
    static final int INTERNAL_FAILURE = 1;
    static final int BAD_INPUT = 2;
    static final int USAGE = 64;

    @Spec
    CommandSpec spec;

    /** Runs the job in the Spark session spark-submit sets up, and stops it (there is none after a usage error). */
    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } finally {
            scala.Option<SparkSession> session = SparkSession.getActiveSession();
            if (session.isDefined()) {
                session.get().stop();
            }
        }
        System.exit(status);
    }

    /** Runs the job in the active Spark session (one is made when there is none) and returns its exit status. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new SparkJob());
        cli.setExitCodeExceptionMapper(e -> e instanceof ParameterException ? USAGE : INTERNAL_FAILURE);
        cli.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        cli.getCommandSpec().exitCodeOnExecutionException(INTERNAL_FAILURE);
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().exitCodeOnInvalidInput(USAGE);
            sub.getCommandSpec().exitCodeOnExecutionException(INTERNAL_FAILURE);
        }
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command: evaluate or simulate");
    }

    /** The formats of datasets. */
    enum Format { jsonl, parquet }

    /** {@code evaluate INPUT OUTPUT}. */
    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = {"Decides every case of INPUT and writes one decision or error object per case to the folder OUTPUT,",
                    "in input order: as JSON Lines the same lines 'forebygg evaluate' writes (part files, to be read in name order)."})
    static final class Evaluate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "INPUT", description = "The cases: a file, or a folder of files read in name order.")
        String input;

        @Parameters(index = "1", paramLabel = "OUTPUT", description = "A folder, not there yet, for the decisions.")
        String output;

        @Option(names = "--format", defaultValue = "jsonl", description = "Format of INPUT: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--output-format", defaultValue = "jsonl",
                description = {"Format of OUTPUT: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). Parquet has the columns line, caseId,",
                        "outcome, amount, error (the error's message) and decision (the decision or error object as JSON)."})
        Format outputFormat;

        @Option(names = "--ledger", paramLabel = "SNAPSHOT",
                description = "Earlier grants that count against the caps: a ledger snapshot (docs/spark.md), e.g. an earlier run's --ledger-out.")
        String ledger;

        @Option(names = "--ledger-out", paramLabel = "FOLDER",
                description = "Also write the ledger after this run, as a snapshot for the next: the earlier grants and this run's.")
        String ledgerOut;

        @Option(names = "--ledger-format", defaultValue = "jsonl",
                description = "Format of the snapshots of --ledger and --ledger-out: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format ledgerFormat;

        @Override
        public Integer call() throws IOException {
            SparkSession spark = SparkSession.builder().appName("forebygg evaluate").getOrCreate();
            List<String> inputs = files(spark, spec, input, "the cases");
            List<String> snapshot = ledger == null ? null : files(spark, spec, ledger, "a ledger snapshot");
            absent(spark, spec, output, "OUTPUT");
            if (ledgerOut != null) {
                absent(spark, spec, ledgerOut, "--ledger-out");
            }
            Dataset<Row> earlier = snapshot == null ? null : ledgerFormat == Format.parquet
                    ? LedgerSnapshot.fromTable(spark.read().parquet(snapshot.toArray(String[]::new)))
                    : LedgerSnapshot.fromJsonLines(lines(spark, snapshot));
            try (SparkDecisions.Decided decided = SparkDecisions.decide(cases(spark, inputs, format), earlier)) {
                if (ledgerOut != null) {
                    decided.keep(); // the ledger's grants are the decisions' grants: decided once
                }
                if (outputFormat == Format.jsonl) {
                    decided.jsonLines().write().text(output);
                } else {
                    Dataset<Row> decisions = decided.decisions();
                    decisions.select(col("line"), col("caseId"),
                                    get_json_object(col("decision"), "$.outcome").as("outcome"),
                                    get_json_object(col("decision"), "$.amount").cast(DataTypes.createDecimalType(16, 2)).as("amount"),
                                    get_json_object(col("decision"), "$.error.message").as("error"), col("decision"))
                            .write().parquet(output);
                }
                if (ledgerOut != null) {
                    Dataset<Row> after = decided.ledger();
                    if (ledgerFormat == Format.parquet) {
                        after.write().parquet(ledgerOut);
                    } else {
                        LedgerSnapshot.toJsonLines(after).write().text(ledgerOut);
                    }
                }
            }
            Map<String, Long> refusals = refusals(outputFormat == Format.jsonl ? spark.read().textFile(output).toDF("decision")
                    : spark.read().parquet(output));
            LOG.info("decisions written to {}; refused: {}", output, refusals.isEmpty() ? "none" : refusals);
            if (refusals.keySet().stream().anyMatch(cause -> !cause.equals("bad input"))) {
                return INTERNAL_FAILURE;
            }
            return refusals.isEmpty() ? OK : BAD_INPUT;
        }

        /** The error objects among the decisions written, by cause: {@code bad input}, {@code rules}, {@code ledger}. */
        private static Map<String, Long> refusals(Dataset<Row> written) {
            Map<String, Long> counts = new TreeMap<>();
            written.select(get_json_object(col("decision"), "$.error.path").as("path"),
                            get_json_object(col("decision"), "$.error.cause").as("cause"))
                    .filter(col("path").isNotNull())
                    .groupBy("cause").count().collectAsList()
                    .forEach(r -> counts.put(r.isNullAt(0) ? "bad input" : r.getString(0), r.getLong(1)));
            return counts;
        }
    }

    /** {@code simulate INPUT --set PARAM=VALUE[@FROM] …}. */
    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = {"Compares the decisions of INPUT under the shipped and under changed parameters and prints what",
                    "'forebygg simulate' prints: where it comes from, decisions changed, totals paid, outcomes, reason codes,",
                    "the biggest gains and losses."})
    static final class Simulate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "INPUT", description = "The cases: a file, or a folder of files read in name order.")
        String input;

        @Mixin
        ChangeOptions set;

        @Option(names = "--format", defaultValue = "jsonl", description = "Format of INPUT: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format;

        @Mixin
        SummaryOptions summary;

        @Override
        public Integer call() throws IOException {
            se.forebygg.parameters.Parameters baseline = se.forebygg.parameters.Parameters.standard();
            se.forebygg.parameters.Parameters whatIf;
            try {
                whatIf = ParameterChanges.apply(baseline, set.changes);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            SparkSession spark = SparkSession.builder().appName("forebygg simulate").getOrCreate();
            List<String> inputs = files(spark, spec, input, "the cases");
            Instant run = Instant.now();
            Simulation.Result result = SparkDecisions.whatIf(cases(spark, inputs, format), set.changes, summary.top());
            Provenance provenance = new Provenance(input, sha256(spark, inputs), Engines.of(List.of()).rulesVersion(),
                    Engines.of(set.changes).rulesVersion(), List.of(), ParameterChanges.describe(baseline, whatIf, set.changes), run);
            java.nio.file.Path report = summary.show(result, provenance);
            if (report != null) {
                LOG.info("report written to {}", report);
            }
            return result.badInput() > 0 ? BAD_INPUT : OK;
        }
    }

    /** The cases of {@code files} as JSON Lines, in the files' order. */
    static Dataset<String> cases(SparkSession spark, List<String> files, Format format) {
        return format == Format.parquet
                ? SparkDecisions.jsonLinesOf(spark.read().parquet(files.toArray(String[]::new)))
                : lines(spark, files);
    }

    /**
     * The lines of {@code files}, in order: Hadoop's text input keeps the files' order and each file's
     * order of lines, on which the line numbers rest (a Dataset's file scan orders files by size).
     */
    static Dataset<String> lines(SparkSession spark, List<String> files) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return spark.createDataset(context.textFile(String.join(",", files)).rdd(), Encoders.STRING());
    }

    /**
     * The files of {@code path} (its own, or a folder's, those not hidden, in name order); a
     * {@link ParameterException} naming it when there is none.
     */
    static List<String> files(SparkSession spark, CommandSpec spec, String path, String what) throws IOException {
        Path at = new Path(path);
        FileSystem fs = at.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(at)) {
            throw new ParameterException(spec.commandLine(), "no such file or folder: " + path + " (give " + what + ")");
        }
        FileStatus status = fs.getFileStatus(at);
        if (!status.isDirectory()) {
            return List.of(status.getPath().toString());
        }
        List<String> files = Arrays.stream(fs.listStatus(at))
                .filter(f -> f.isFile() && !f.getPath().getName().startsWith("_") && !f.getPath().getName().startsWith("."))
                .map(f -> f.getPath().toString()).sorted().toList();
        if (files.isEmpty()) {
            throw new ParameterException(spec.commandLine(), path + " is a folder without files: give " + what);
        }
        return files;
    }

    /** A {@link ParameterException} when {@code path} exists: the job writes into a new folder only. */
    static void absent(SparkSession spark, CommandSpec spec, String path, String option) throws IOException {
        Path at = new Path(path);
        if (at.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(at)) {
            throw new ParameterException(spec.commandLine(), option + " " + path + " exists already: give a new folder"
                    + " (nothing is overwritten)");
        }
    }

    /** The SHA-256 of the files' bytes one after the other, in hex: of one file, what {@code forebygg simulate} names. */
    static String sha256(SparkSession spark, List<String> files) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        for (String file : files) {
            Path at = new Path(file);
            try (InputStream in = new DigestInputStream(at.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(at), digest)) {
                while (in.read(buffer) >= 0) {
                    // hashed as it is read
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
