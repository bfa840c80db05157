package org.aodnn.app.cli;

import org.aodnn.edgeconnector.cli.EdgeCommand;
import org.aodnn.edgeconnector.cli.KeysCommand;
import org.aodnn.edgeconnector.cli.ManifestCommand;
import org.aodnn.edgeconnector.cli.PublishCommand;
import org.aodnn.modelfitting.cli.FitCommand;
import org.aodnn.modelfitting.cli.PredictCommand;
import org.aodnn.policyeditor.cli.ModelsImportCommand;
import org.aodnn.policyeditor.cli.PartitionCommand;
import org.aodnn.policyeditor.cli.PolicyCommand;
import org.aodnn.profilinglab.adb.cli.DeviceCommand;
import org.aodnn.profilinglab.adb.cli.DevicesCommand;
import org.aodnn.profilinglab.adb.cli.EnergyCommand;
import org.aodnn.profilinglab.adb.cli.VirtualPhoneCommand;
import org.aodnn.profilinglab.cli.ProfileCommand;
import picocli.CommandLine;

/**
 * The commands that feature modules contribute, mounted under {@code aodnn}. Each lives next to the
 * core it drives (for example {@code org.aodnn.policyeditor.cli}); the app only assembles them.
 */
final class FeatureCommands {

    private FeatureCommands() {
    }

    static void register(CommandLine root) {
        root.getSubcommands().get("models").addSubcommand("import", new ModelsImportCommand());
        root.addSubcommand("profile", new ProfileCommand());
        root.addSubcommand("devices", new DevicesCommand());
        root.addSubcommand("device", new DeviceCommand());
        root.addSubcommand("energy", new EnergyCommand());
        root.addSubcommand("virtual-phone", new VirtualPhoneCommand());
        root.addSubcommand("fit", new FitCommand());
        root.addSubcommand("predict", new PredictCommand());
        root.addSubcommand("partition", new PartitionCommand());
        root.addSubcommand("policy", new PolicyCommand());
        root.addSubcommand("manifest", new ManifestCommand());
        root.addSubcommand("edge", new EdgeCommand());
        root.addSubcommand("publish", new PublishCommand());
        root.addSubcommand("keys", new KeysCommand());
    }
}
