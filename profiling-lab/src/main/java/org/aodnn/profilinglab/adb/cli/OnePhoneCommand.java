package org.aodnn.profilinglab.adb.cli;

import java.util.concurrent.Callable;
import org.aodnn.db.cli.StoreOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What every {@code aodnn device SUBCOMMAND SERIAL} takes: the phone, the adb server, the database, --json. */
abstract class OnePhoneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    AdbOptions adb = new AdbOptions();
    @Mixin
    StoreOptions store = new StoreOptions();
    @Parameters(paramLabel = "SERIAL")
    String serial;
    @Option(names = "--json", description = "print one JSON document")
    boolean json;
}
