-- Refresh on Redshift: register the day's partition of the Spectrum external table. Runs with autocommit on,
-- outside the load transaction (Redshift refuses external DDL in a transaction). DDL takes no bind parameters:
-- ${dt} and ${location} are literals this service builds from the checked file date and configuration.
ALTER TABLE ${external_table} ADD IF NOT EXISTS PARTITION (dt = ${dt}) LOCATION ${location}
