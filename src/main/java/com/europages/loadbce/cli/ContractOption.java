package com.europages.loadbce.cli;

import com.europages.loadbce.transform.TransformSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --contract FILE: another column contract than transform.contract; works without a configuration folder. */
public final class ContractOption {

    @Option(names = "--contract", paramLabel = "FILE", description = "Column contract (default: the setting transform.contract).")
    Path file;

    /** The configured settings; with --contract, defaults when there is no configuration folder. */
    TransformSettings settings(CommandContext context) {
        if (file == null) {
            return TransformSettings.from(context.config());
        }
        try {
            return TransformSettings.from(context.config()).withContract(file);
        } catch (IllegalStateException noConfiguration) {
            return TransformSettings.defaults(file);
        }
    }
}
