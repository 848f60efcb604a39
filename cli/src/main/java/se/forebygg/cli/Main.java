package se.forebygg.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import se.forebygg.audit.AuditLogException;
import se.forebygg.authoring.RulesCompilationException;
import se.forebygg.ledger.jdbc.LedgerException;
import se.forebygg.parameters.ParameterException;
import se.forebygg.scenario.ScenarioException;

/** The {@code forebygg} command. */
@Command(name = "forebygg", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Decides Swedish preventive sickness benefit, workplace rehabilitation grant and provider "
                + "approval cases with explainable rules.",
        subcommands = {EvaluateCommand.class, ExplainCommand.class, RulesCommand.class, ServeCommand.class,
                GenerateCommand.class, SimulateCommand.class, ReplayCommand.class, LedgerCommand.class})
public final class Main {

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (OutOfMemoryError e) {
            // Too small a heap for what was asked (e.g. a large --chunk): say how to give it more, not a stack trace.
            System.err.printf("forebygg: out of memory (Java heap of at most %d MiB): give Java more with"
                            + " FOREBYGG_JAVA_OPTS=-Xmx2g (./forebygg) or -Xmx2g (java -jar), or ask for less at once%n",
                    Runtime.getRuntime().maxMemory() >> 20);
            status = ExitCodes.INTERNAL_FAILURE;
        }
        System.exit(status);
    }

    /** Runs the command and returns its exit status (for tests and embedding). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        exitStatuses(cli);
        cli.setParameterExceptionHandler((e, args2) -> {
            // A wrong option or value: one line naming it and where to read more, not the whole usage text.
            String command = e.getCommandLine().getCommandSpec().qualifiedName(" ");
            String suggestion = e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()
                    ? "; did you mean " + u.getSuggestions().get(0) + "?"
                    : "";
            e.getCommandLine().getErr().println(command + ": " + e.getMessage() + suggestion + " (see '" + command + " --help')");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof RulesCompilationException rce) {
                // The rules of --rules do not compile: the same report as 'forebygg rules check'.
                rce.diagnostics().forEach(commandLine.getErr()::println);
                return ExitCodes.USAGE;
            }
            if (e instanceof AuditLogException a && !a.usersMistake()) {
                // Writing the log failed (a full disk): nothing was granted on the line that failed.
                commandLine.getErr().println("forebygg: " + e.getMessage());
                return ExitCodes.INTERNAL_FAILURE;
            }
            if (e instanceof UserMistake || e instanceof ParameterException || e instanceof ScenarioException
                    || e instanceof AuditLogException) {
                // A file, a value or an option the user gave: its message names it.
                commandLine.getErr().println("forebygg: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            if (e instanceof LedgerException le && le.usersSetup()) {
                // A ledger file in use, a URL no driver takes, a database that does not answer: the user's to fix.
                commandLine.getErr().println("forebygg: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            commandLine.getErr().println("forebygg: internal failure: " + e);
            return ExitCodes.INTERNAL_FAILURE;
        });
        return cli.execute(args);
    }

    /**
     * Every command's exit statuses, in its {@code --help} ("Exit status:"), and 64 for a usage error
     * (picocli's own default, 2, means bad input here).
     */
    private static void exitStatuses(CommandLine command) {
        String name = command.getCommandSpec().qualifiedName(" ").replaceFirst("^forebygg ?", "");
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(String.valueOf(ExitCodes.OK), switch (name) {
            case "rules check" -> "no error (warnings allowed)";
            case "rules test" -> "every scenario passed";
            case "replay" -> "everything checks";
            case "ledger withdraw" -> "withdrawn";
            case "ledger show" -> "the caseId's records printed";
            case "serve" -> "stopped";
            case "generate" -> "generated";
            default -> "every case decided";
        });
        switch (name) {
            case "evaluate", "explain" -> {
                codes.put(String.valueOf(ExitCodes.BAD_INPUT), "some case was bad input (its error object written, the others too)");
                codes.put(String.valueOf(ExitCodes.INTERNAL_FAILURE), "an internal failure, or some case not decided for a"
                        + " cause outside its input (\"cause\" in its error object; the others still written)");
            }
            case "simulate" -> {
                codes.put(String.valueOf(ExitCodes.BAD_INPUT), "some case was bad input (left out of the totals)");
                codes.put(String.valueOf(ExitCodes.INTERNAL_FAILURE), "an internal failure");
            }
            case "rules check" -> codes.put(String.valueOf(ExitCodes.INTERNAL_FAILURE), "some error in the rules");
            case "rules test" -> codes.put(String.valueOf(ExitCodes.INTERNAL_FAILURE), "some scenario failed");
            case "replay" -> {
                codes.put(String.valueOf(ExitCodes.MISMATCH), "some case decided again differently (and nothing worse)");
                codes.put(String.valueOf(ExitCodes.UNTRUSTED_LOG), "the log does not check out (an unreadable line, a chain"
                        + " break, an unverified recordedEarlier claim, a disagreement with the ledger, a keyed chain"
                        + " without its key)");
                codes.put(String.valueOf(ExitCodes.INTERNAL_FAILURE), "an internal failure");
            }
            case "ledger withdraw" -> {
                codes.put(String.valueOf(ExitCodes.NOTHING_RECORDED), "no grant counts under CASEID");
                codes.put(String.valueOf(ExitCodes.INTERNAL_FAILURE), "an internal failure");
            }
            case "ledger show" -> {
                codes.put(String.valueOf(ExitCodes.NOTHING_RECORDED), "nothing recorded under CASEID");
                codes.put(String.valueOf(ExitCodes.INTERNAL_FAILURE), "an internal failure");
            }
            default -> codes.put(String.valueOf(ExitCodes.INTERNAL_FAILURE), "an internal failure");
        }
        codes.put(String.valueOf(ExitCodes.USAGE), "a usage error, the user's to fix: a wrong option or value, a missing"
                + " file, a ledger URL no driver takes, a taken port, rules or parameters that do not load");
        command.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        command.getCommandSpec().exitCodeOnExecutionException(ExitCodes.INTERNAL_FAILURE);
        command.getCommandSpec().usageMessage().exitCodeListHeading("Exit status:%n").exitCodeList(codes);
        command.getSubcommands().values().forEach(Main::exitStatuses);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"forebygg " + se.forebygg.Forebygg.create().rulesVersion()};
        }
    }
}
