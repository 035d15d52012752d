package com.europages.loadbce.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Writes the BCE company table matching the generated events as CSV: about 90% of the event company ids are in it. */
public final class BceCompanyTable {

    public static final String FILE_NAME = "bce_companies.csv";
    public static final String HEADER = "company_id,company_name,country,sector,employees";

    private static final String[] COUNTRIES = {"FR", "DE", "IT", "ES", "BE", "NL", "PL", "GB", "TR", "AT", "CH", "CZ"};
    private static final String[] SECTORS = {"Machinery", "Packaging", "Textiles", "Chemicals", "Food & drink",
            "Electronics", "Logistics", "Metalworking", "Wood", "Medical", "Energy", "Printing"};
    private static final String[] NAME_PARTS = {"Dupont", "Müller", "Rossi", "García", "Janssens", "de Vries", "Nowak",
            "Smith", "Yılmaz", "Huber", "Keller", "Novák", "Industries", "GmbH", "SARL", "S.p.A.", "& Fils", "Group"};

    private BceCompanyTable() {
    }

    /** True when the company id is in the table: 9 ids in 10 are. */
    public static boolean contains(long companyId) {
        return companyId >= 1 && companyId <= DataFlowGenerator.COMPANY_ID_RANGE && companyId % 10 != 7;
    }

    /** Writes the table (header, then one line per company, ids ascending); deterministic with the seed. */
    public static Path write(Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.newLine();
            for (int id = 1; id <= DataFlowGenerator.COMPANY_ID_RANGE; id++) {
                String name = NAME_PARTS[random.nextInt(12)] + " " + NAME_PARTS[12 + random.nextInt(6)] + " " + id;
                String line = id + "," + quote(name) + "," + COUNTRIES[random.nextInt(COUNTRIES.length)] + ","
                        + quote(SECTORS[random.nextInt(SECTORS.length)]) + "," + (1 + random.nextInt(5000));
                if (contains(id)) {
                    w.write(line);
                    w.newLine();
                }
            }
        }
        return file;
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("&") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
