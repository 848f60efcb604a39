package se.forebygg.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code forebygg} command. */
@Command(name = "forebygg", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Decides Swedish preventive sickness benefit, workplace rehabilitation grant and provider "
                + "approval cases with explainable rules.",
        subcommands = {EvaluateCommand.class, ServeCommand.class, GenerateCommand.class, SimulateCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit status (for tests and embedding). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("forebygg: internal failure: " + e);
            return ExitCodes.INTERNAL_FAILURE;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"forebygg " + se.forebygg.engine.Forebygg.create().rulesVersion()};
        }
    }
}
