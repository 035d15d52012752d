package com.europages.loadbce.cli;

import picocli.CommandLine.Command;

/** The column contract's tools: {@code contract suggest}. */
@Command(name = "contract", header = "Column contract tools: suggest",
        description = "Column contract tools. 'contract suggest FILE.parquet' prints contract lines for the columns the contract does not read yet.")
public final class ContractCommand {
}
