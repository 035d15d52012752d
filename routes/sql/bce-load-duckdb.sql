-- Local warehouse only: replace the BCE company table by a CSV file (the generator's bce_companies.csv).
-- In production the BCE tables are maintained by their own process. ${csv} is a literal this service builds.
DELETE FROM ${bce_table};
INSERT INTO ${bce_table} (company_id, company_name, country, sector, employees)
SELECT company_id, company_name, country, sector, employees
FROM read_csv(${csv}, header = true, columns = {'company_id': 'BIGINT', 'company_name': 'VARCHAR',
    'country': 'VARCHAR', 'sector': 'VARCHAR', 'employees': 'INTEGER'});
