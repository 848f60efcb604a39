package se.forebygg.cli;

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
        System.exit(run(args));
    }

    /** Runs the command and returns its exit status (for tests and embedding). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof RulesCompilationException rce) {
                // The rules of --rules do not compile: the same report as 'forebygg rules check'.
                rce.diagnostics().forEach(commandLine.getErr()::println);
                return ExitCodes.INTERNAL_FAILURE;
            }
            if (e instanceof ParameterException || e instanceof ScenarioException || e instanceof AuditLogException) {
                commandLine.getErr().println("forebygg: " + e.getMessage());
                return ExitCodes.INTERNAL_FAILURE;
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

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"forebygg " + se.forebygg.Forebygg.create().rulesVersion()};
        }
    }
}
